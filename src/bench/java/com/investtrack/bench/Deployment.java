package com.investtrack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An application deployed the way docs/operations.md recommends and Spring Boot documents
 * for a fast start ("Efficient Deployments"): the jar extracted with
 * {@code -Djarmode=tools extract}, and a class data sharing archive written by a training
 * run that starts the context once and exits ({@code -XX:ArchiveClassesAtExit},
 * {@code spring.context.exit=onRefresh}). (c) deploys both applications so and times
 * their starts beside the plain {@code java -jar} of the fat jar. The cluster test
 * prepares its nodes alike (ClusterNode in src/cluster); the two source sets do not see
 * each other, hence this copy of the three commands.
 *
 * @param jar the extracted application's jar, to run with {@code java -jar}
 * @param jvmOptions the JVM options with the archive
 */
record Deployment(Path jar, List<String> jvmOptions) {

	private static final long LIMIT_MINUTES = 5;

	/**
	 * Extracts {@code fatJar} into {@code dir} and runs the training run with
	 * {@code args}, against the database those name (the run migrates it, as a first
	 * start does).
	 */
	static Deployment prepare(Path fatJar, Path dir, List<String> jvmOptions, List<String> args)
			throws IOException, InterruptedException {
		Path home = dir.toAbsolutePath();
		if (Files.exists(home)) {
			try (var old = Files.walk(home)) {
				old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.createDirectories(home);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		run(home.resolve("extract.log"), List.of(java, "-Djarmode=tools", "-jar", fatJar.toAbsolutePath().toString(),
				"extract", "--destination", home.resolve("app").toString()));
		Path jar = home.resolve("app").resolve(fatJar.getFileName());
		if (!Files.exists(jar)) {
			throw new IllegalStateException("extracting " + fatJar + " gave no " + jar);
		}
		Path archive = home.resolve("app.jsa");
		List<String> training = new ArrayList<>(List.of(java));
		training.addAll(jvmOptions);
		training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
				jar.toString()));
		training.addAll(args);
		run(home.resolve("training.log"), training);
		if (!Files.exists(archive)) {
			throw new IllegalStateException("the training run wrote no " + archive);
		}
		List<String> withArchive = new ArrayList<>(jvmOptions);
		withArchive.add("-XX:SharedArchiveFile=" + archive);
		return new Deployment(jar, List.copyOf(withArchive));
	}

	private static void run(Path log, List<String> command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			p.waitFor();
			throw new IllegalStateException(command.get(0) + " did not end within " + LIMIT_MINUTES
					+ " minutes; see " + log);
		}
		if (p.exitValue() != 0) {
			throw new IllegalStateException("ended with " + p.exitValue() + ": " + String.join(" ", command)
					+ "; see " + log);
		}
	}

}

package com.investtrack.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the bare camunda-bpm-spring-boot-starter application of src/bench/bare-starter
 * with Maven, once plain and once with Camunda's REST API.
 */
final class BareStarter {

	/** The plain jar, and the REST one (profile {@code rest}, built into target/rest). */
	record Jars(Path plain, Path rest) {
	}

	static Jars build(Path project, boolean offline, Path workDir) throws Exception {
		build(project, offline, workDir, List.of());
		build(project, offline, workDir, List.of("-Prest"));
		return new Jars(project.resolve("target").resolve("bare-camunda-starter.jar"),
				project.resolve("target").resolve("rest").resolve("bare-camunda-rest.jar"));
	}

	private static void build(Path project, boolean offline, Path workDir, List<String> extra) throws Exception {
		List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q"));
		if (offline) {
			command.add("-o");
		}
		command.addAll(List.of("-f", project.resolve("pom.xml").toString(), "package", "-DskipTests"));
		command.addAll(extra);
		Benchmark.log("building the bare starter: " + String.join(" ", command));
		Process build = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(workDir.resolve("bare-starter-build.log").toFile())
			.start();
		if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
			build.destroyForcibly();
			throw new IllegalStateException(
					"building the bare starter failed; see " + workDir.resolve("bare-starter-build.log"));
		}
	}

	private BareStarter() {
	}

}

package com.investtrack.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the bare camunda-bpm-spring-boot-starter application of src/bench/bare-starter
 * with Maven.
 */
final class BareStarter {

	static Path build(Path project, boolean offline, Path workDir) throws Exception {
		List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q"));
		if (offline) {
			command.add("-o");
		}
		command.addAll(List.of("-f", project.resolve("pom.xml").toString(), "package", "-DskipTests"));
		Benchmark.log("building the bare starter: " + String.join(" ", command));
		Process build = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(workDir.resolve("bare-starter-build.log").toFile())
			.start();
		if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
			build.destroyForcibly();
			throw new IllegalStateException(
					"building the bare starter failed; see " + workDir.resolve("bare-starter-build.log"));
		}
		return project.resolve("target").resolve("bare-camunda-starter.jar");
	}

	private BareStarter() {
	}

}

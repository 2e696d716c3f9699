package com.investtrack.support;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Something a group of tests needs from the machine (a MySQL server, Chromium). Where it
 * is missing, the group is skipped and says so in one line on the build's console; in CI
 * ({@code CI=true}) it fails instead, because there every test must run.
 */
public final class Prerequisite {

	/**
	 * The JVM's own standard error. Surefire and failsafe send what tests write to
	 * System.out and System.err into report files (redirectTestOutputToFile); the forked
	 * JVM's standard error is copied to the Maven console.
	 */
	private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
			StandardCharsets.UTF_8);

	private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

	/**
	 * Skips the calling test class because {@code group} cannot run here, or fails it in
	 * CI. Call from a {@code @BeforeAll} method; the console line is written once per
	 * test JVM, however many classes the group has.
	 */
	public static void missing(String group, String why) {
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(group + " cannot run: " + why + " (mandatory in CI)");
		}
		if (ANNOUNCED.add(group)) {
			CONSOLE.println("[WARNING] " + group + " skipped: " + why);
		}
		Assumptions.abort(group + " skipped: " + why);
	}

	private Prerequisite() {
	}

}

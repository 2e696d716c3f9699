package com.investtrack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** What the figures were measured on. */
record Machine(String date, int cores, String cpu, double memoryGib, String os, String java, String database,
		String durability, double loadAverage) {

	static Machine describe(String databaseVersion, String durability) {
		return new Machine(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
				Runtime.getRuntime().availableProcessors(), readCpu(), readMemoryGib(),
				System.getProperty("os.name") + " " + System.getProperty("os.version"),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), databaseVersion,
				durability, currentLoad());
	}

	static double currentLoad() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	private static String readCpu() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(l -> l.startsWith("model name"))
				.map(l -> l.substring(l.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static double readMemoryGib() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter(l -> l.startsWith("MemTotal:"))
				.mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElse(0) / 1024.0 / 1024.0;
		}
		catch (IOException ex) {
			return Double.NaN;
		}
	}

	@Override
	public String toString() {
		return "%s, %d cores (%s), %.1f GiB, %s, %s, %s, load %.2f".formatted(date, cores, cpu, memoryGib, os, java,
				database, loadAverage);
	}

}

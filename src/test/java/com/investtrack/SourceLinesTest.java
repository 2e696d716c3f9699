package com.investtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No line of Java over 120 columns (a tab counts four, as the formatter counts it), in
 * every source set: the formatter (spring-javaformat's validate, in the build) wraps code
 * but not a long string or comment, and it does not see the benchmark's and the cluster
 * test's source sets.
 */
class SourceLinesTest {

	private static final int LIMIT = 120;

	@Test
	void noLineIsLongerThan120Columns() throws IOException {
		List<String> long_ = new ArrayList<>();
		for (String root : List.of("src/main/java", "src/test/java", "src/bench/java", "src/cluster/java")) {
			try (Stream<Path> files = Files.walk(Path.of(root))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					List<String> lines = Files.readAllLines(file);
					for (int i = 0; i < lines.size(); i++) {
						int width = lines.get(i).replace("\t", "    ").length();
						if (width > LIMIT) {
							long_.add(file + ":" + (i + 1) + " (" + width + " columns)");
						}
					}
				}
			}
		}
		assertThat(long_).as("lines over %d columns", LIMIT).isEmpty();
	}

}

package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.investtrack.approval.Decision;
import com.investtrack.approval.TaskKind;
import com.investtrack.audit.AuditAction;
import com.investtrack.common.Role;
import com.investtrack.common.Stage;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Health;
import com.investtrack.project.Outcome;

/**
 * Keeps the translations complete: every message file has the same keys as its bundle's English file (each feature
 * has a bundle of its own under messages/), every key a template or the web code names exists in one of them, every
 * value of the enums users see has its label, and every message with arguments is a valid pattern.
 */
class MessagesInSyncTest {

	private static final Map<String, Properties> FILES = new LinkedHashMap<>();

	/** The locale part of a file name: messages_zh_CN.properties is the Chinese file of the bundle messages. */
	private static final Pattern LOCALE = Pattern.compile("_[a-z]{2}(_[A-Z]{2})?(?=\\.properties$)");

	/** Every English message of every bundle, as the pages' message source sees them together. */
	private static final Properties english = new Properties();

	@BeforeAll
	static void load() throws IOException {
		for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties")) {
			Properties p = new Properties();
			try (var in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
				p.load(in);
			}
			FILES.put(r.getFilename(), p);
			if (!LOCALE.matcher(r.getFilename()).find()) {
				english.putAll(p);
			}
		}
	}

	@Test
	void everyFileHasTheSameKeys() {
		assertThat(FILES).containsKeys("messages.properties", "messages_zh_CN.properties");
		FILES.forEach((name, p) -> {
			Set<String> keys = FILES.get(LOCALE.matcher(name).replaceFirst("")).stringPropertyNames();
			Set<String> missing = new TreeSet<>(keys);
			missing.removeAll(p.stringPropertyNames());
			Set<String> extra = new TreeSet<>(p.stringPropertyNames());
			extra.removeAll(keys);
			assertThat(missing).as("keys missing in " + name).isEmpty();
			assertThat(extra).as("keys only in " + name).isEmpty();
		});
	}

	@Test
	void everyValueUsersSeeHasALabel() {
		Map<String, Enum<?>[]> labelled = new LinkedHashMap<>();
		labelled.put("stage.", Stage.values());
		labelled.put("milestone.", Stage.values());
		labelled.put("health.", Health.values());
		labelled.put("outcome.", Outcome.values());
		labelled.put("asset.", AssetModel.values());
		labelled.put("role.", Role.values());
		labelled.put("action.", AuditAction.values());
		labelled.put("decision.", Decision.values());
		labelled.put("decided.", Decision.values());
		labelled.put("notice.decided.", Decision.values());
		labelled.put("board.status.", BoardFilter.Status.values());
		labelled.forEach((prefix, values) -> {
			for (Enum<?> value : values) {
				assertThat(english.getProperty(prefix + value.name())).as(prefix + value.name()).isNotBlank();
			}
		});
		for (AssetModel a : AssetModel.values()) {
			assertThat(english.getProperty("asset." + a + ".hint")).isNotBlank();
		}
		for (String by : DashboardController.BREAKDOWNS.keySet()) {
			assertThat(english.getProperty("dashboard.by." + by)).isNotBlank();
			assertThat(english.getProperty("csv.group." + by)).isNotBlank();
		}
		assertThat(TaskKind.values()).hasSize(3); // the inbox has a section per kind; a new kind needs one
	}

	@Test
	void everyKeyNamedInTemplatesAndCodeExists() throws IOException {
		Set<String> named = new TreeSet<>();
		Pattern inTemplate = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher m = inTemplate.matcher(Files.readString(t));
				while (m.find()) {
					named.add(m.group(1));
				}
			}
		}
		Pattern inCode = Pattern.compile(
				"\"((?:csv|kpi|notice|problem|chart|filter|audit|reason|conflict|forbidden|unit|error)\\.[\\w.]*\\w)\"");
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java/com/investtrack/web"))) {
			for (Path s : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher m = inCode.matcher(Files.readString(s));
				while (m.find()) {
					named.add(m.group(1));
				}
			}
		}
		assertThat(named).hasSizeGreaterThan(150);
		Set<String> missing = new TreeSet<>(named);
		missing.removeAll(english.stringPropertyNames());
		assertThat(missing).as("keys used but not defined").isEmpty();
	}

	@Test
	void messagesWithArgumentsAreValidPatterns() {
		FILES.forEach((name, p) -> p.stringPropertyNames().forEach(key -> {
			String value = p.getProperty(key);
			if (value.contains("{")) {
				Locale locale = name.contains("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
				String formatted = new MessageFormat(value, locale).format(new Object[] { 1, 2, 3 });
				assertThat(formatted).as(name + " " + key).doesNotContain("{");
				assertThat(value).as(name + " " + key + ": write ’, a single quote would hide the arguments").doesNotContain("'");
			}
		}));
	}

}

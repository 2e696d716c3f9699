package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import com.investtrack.approval.Decision;
import com.investtrack.approval.TaskKind;
import com.investtrack.audit.AuditAction;
import com.investtrack.common.Role;
import com.investtrack.common.Stage;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Health;
import com.investtrack.project.Outcome;

/**
 * Keeps the translations complete: every bundle named in {@code spring.messages.basename}
 * has an English and a Chinese file with the same keys, every key a template or the web
 * code names exists in one of them, every value of the enums users see has its label, and
 * every message with arguments is a valid pattern.
 */
class MessagesInSyncTest {

	private static final String CHINESE = "_zh_CN";

	/**
	 * The message files of the bundles that exist, by name (e.g.
	 * messages/messages_zh_CN.properties).
	 */
	private static final Map<String, Properties> FILES = new LinkedHashMap<>();

	private static final List<String> BUNDLES = new ArrayList<>();

	/** The English messages of all bundles together. */
	private static final Properties ENGLISH = new Properties();

	@BeforeAll
	static void load() throws IOException {
		Properties application = read(new ClassPathResource("application.properties"));
		for (String bundle : application.getProperty("spring.messages.basename").split(",")) {
			BUNDLES.add(bundle.strip());
			for (String file : List.of(bundle.strip() + ".properties", bundle.strip() + CHINESE + ".properties")) {
				Resource r = new ClassPathResource(file);
				if (r.exists()) {
					FILES.put(file, read(r));
				}
			}
		}
		for (String bundle : BUNDLES) {
			ENGLISH.putAll(FILES.getOrDefault(bundle + ".properties", new Properties()));
		}
	}

	private static Properties read(Resource r) throws IOException {
		Properties p = new Properties();
		try (var in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return p;
	}

	@Test
	void everyBundleHasBothLanguagesWithTheSameKeys() {
		assertThat(BUNDLES).contains("messages/messages");
		for (String bundle : BUNDLES) {
			String en = bundle + ".properties";
			String zh = bundle + CHINESE + ".properties";
			assertThat(FILES.keySet()).as("files of bundle " + bundle).contains(en, zh);
			Set<String> missing = new TreeSet<>(FILES.get(en).stringPropertyNames());
			missing.removeAll(FILES.get(zh).stringPropertyNames());
			Set<String> extra = new TreeSet<>(FILES.get(zh).stringPropertyNames());
			extra.removeAll(FILES.get(en).stringPropertyNames());
			assertThat(missing).as("keys missing in " + zh).isEmpty();
			assertThat(extra).as("keys only in " + zh).isEmpty();
		}
	}

	@Test
	void everyMessageFileIsInANamedBundleAndEveryKeyInOneBundle() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/messages"))) {
			assertThat(files.map(f -> "messages/" + f.getFileName()))
				.as("message files in no bundle of spring.messages.basename: their keys are never read")
				.allMatch(FILES::containsKey);
		}
		Map<String, String> bundleOfKey = new TreeMap<>();
		Set<String> twice = new TreeSet<>();
		for (String bundle : BUNDLES) {
			for (String key : FILES.getOrDefault(bundle + ".properties", new Properties()).stringPropertyNames()) {
				String earlier = bundleOfKey.putIfAbsent(key, bundle);
				if (earlier != null) {
					twice.add(key + " in " + earlier + " and " + bundle);
				}
			}
		}
		assertThat(twice).as("keys in two bundles, of which only the first is ever read").isEmpty();
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
		labelled.put("supervision.level.", com.investtrack.supervision.NoticeLevel.values());
		labelled.put("supervision.status.", com.investtrack.supervision.NoticeStatus.values());
		labelled.forEach((prefix, values) -> {
			for (Enum<?> value : values) {
				assertThat(ENGLISH.getProperty(prefix + value.name())).as(prefix + value.name()).isNotBlank();
			}
		});
		for (AssetModel a : AssetModel.values()) {
			assertThat(ENGLISH.getProperty("asset." + a + ".hint")).isNotBlank();
		}
		for (String by : DashboardController.BREAKDOWNS.keySet()) {
			assertThat(ENGLISH.getProperty("dashboard.by." + by)).isNotBlank();
			assertThat(ENGLISH.getProperty("csv.group." + by)).isNotBlank();
		}
		assertThat(TaskKind.values()).hasSize(4); // the inbox has a section per kind; a
													// new kind needs one
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
		Pattern inCode = Pattern.compile("\"((?:csv|kpi|notice|problem|chart|filter|audit|"
				+ "reason|conflict|forbidden|unit|error)\\.[\\w.]*\\w)\"");
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
		missing.removeAll(ENGLISH.stringPropertyNames());
		assertThat(missing).as("keys used but not defined").isEmpty();
	}

	@Test
	void messagesWithArgumentsAreValidPatterns() {
		FILES.forEach((name, p) -> p.stringPropertyNames().forEach(key -> {
			String value = p.getProperty(key);
			if (value.contains("{")) {
				Locale locale = name.contains(CHINESE) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
				String formatted = new MessageFormat(value, locale).format(new Object[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
				assertThat(formatted).as(name + " " + key).doesNotContain("{");
				assertThat(value).as(name + " " + key + ": write ’, a single quote would hide the arguments")
					.doesNotContain("'");
			}
		}));
	}

}

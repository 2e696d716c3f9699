package com.investtrack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where an application's CPU goes while it serves steps: a JDK Flight Recorder recording
 * (started and stopped with {@code jcmd}, the "profile" settings: a sample of every
 * running Java thread every 10-20 ms) read back with {@code jdk.jfr.consumer}. Each
 * execution sample is charged to the component of its innermost frame outside the JDK (so
 * a HashMap lookup made by the engine counts as the engine's), and to the method, for the
 * table of hot methods.
 */
final class CpuProfile {

	/** Components by package prefix, first match wins; the order matters. */
	private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

	static {
		COMPONENTS.put("com.investtrack.", "ours (com.investtrack)");
		COMPONENTS.put("org.camunda.bpm.engine.rest.", "Camunda REST (Jersey resources)");
		COMPONENTS.put("org.camunda.", "Camunda engine");
		COMPONENTS.put("org.apache.ibatis.", "MyBatis (the engine's mapper)");
		COMPONENTS.put("com.mysql.", "JDBC driver");
		COMPONENTS.put("com.zaxxer.hikari.", "connection pool");
		COMPONENTS.put("org.springframework.boot.loader.", "Spring Boot's nested-jar loader");
		COMPONENTS.put("org.springframework.security.", "Spring Security");
		COMPONENTS.put("org.springframework.jdbc.", "Spring JDBC");
		COMPONENTS.put("org.springframework.transaction.", "Spring transactions");
		COMPONENTS.put("org.springframework.web.", "Spring MVC");
		COMPONENTS.put("org.springframework.", "Spring (other)");
		COMPONENTS.put("com.fasterxml.jackson.", "Jackson (JSON)");
		COMPONENTS.put("org.glassfish.jersey.", "Jersey");
		COMPONENTS.put("org.apache.catalina.", "Tomcat");
		COMPONENTS.put("org.apache.coyote.", "Tomcat");
		COMPONENTS.put("org.apache.tomcat.", "Tomcat");
		COMPONENTS.put("io.micrometer.", "Micrometer");
		COMPONENTS.put("org.flywaydb.", "Flyway");
		COMPONENTS.put("org.thymeleaf.", "Thymeleaf");
		COMPONENTS.put("org.springdoc.", "springdoc-openapi");
		COMPONENTS.put("io.swagger.", "springdoc-openapi");
		COMPONENTS.put("org.apache.poi.", "Apache POI");
	}

	/**
	 * The parts of serving a request, each named by the frame that enters it: a sample is
	 * charged to the first part, in this order, whose frame is anywhere on its stack (so a
	 * user read made while authenticating is authentication's, and an engine command run
	 * while committing is the commit's). Needs stacks deeper than JFR's default 64 frames:
	 * (a) starts every side with {@link #STACK_DEPTH}.
	 */
	private static final Map<String, List<String>> PARTS = new LinkedHashMap<>();

	static {
		PARTS.put("authentication (the user, the login throttle, the password check)",
				List.of("org.springframework.security.authentication.ProviderManager.authenticate",
						"org.camunda.bpm.engine.impl.IdentityServiceImpl.checkPassword"));
		PARTS.put("transaction commit (ours: the audit chain's entries, then COMMIT)",
				List.of("org.springframework.transaction.support.AbstractPlatformTransactionManager.commit"));
		PARTS.put("the answer written as JSON",
				List.of("org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter.writeInternal",
						"org.glassfish.jersey.message.internal.WriterInterceptorExecutor.proceed"));
		PARTS.put("the request's JSON read",
				List.of("org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter.read",
						"org.glassfish.jersey.message.internal.ReaderInterceptorExecutor.proceed"));
		PARTS.put("engine commands (with our delegates and listeners, and the engine's flush)",
				// the interceptor that opens and closes the command's context: the flush of
				// everything the command wrote happens as it closes, after the command's own
				// execute has returned
				List.of("org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor.execute"));
		PARTS.put("ours outside the engine (the lock, the checks, the answer's view)",
				List.of("org.springframework.web.servlet.DispatcherServlet.doDispatch"));
		PARTS.put("Camunda REST's resources outside the engine (Jersey)",
				List.of("org.glassfish.jersey.servlet.ServletContainer.service"));
		PARTS.put("servlet filters (security, session, observation) outside the above",
				List.of("org.apache.catalina.core.ApplicationFilterChain.doFilter"));
		PARTS.put("Tomcat: reading and writing HTTP",
				List.of("org.apache.coyote.http11.Http11Processor.service",
						"org.apache.tomcat.util.net.NioEndpoint$Poller.run"));
	}

	/** The part of samples that are in none of the above (the plain side's console, the job executor). */
	static final String OTHER_PART = "elsewhere (the plain side's calls, job executor, other threads)";

	/** JFR's stack depth for (a): the parts are found up to 150 frames below the request's entry. */
	static final String STACK_DEPTH = "-XX:FlightRecorderOptions:stackdepth=256";

	/**
	 * Share of samples per component, the hottest methods, and the share per part of
	 * serving a request, of one side.
	 */
	record Figures(String side, int samples, Map<String, Double> components, List<String[]> hotMethods,
			Map<String, Double> parts) {
	}

	private final AppProcess app;

	private final Path file;

	CpuProfile(AppProcess app, Path file) {
		this.app = app;
		this.file = file;
	}

	void start() throws Exception {
		Files.deleteIfExists(file);
		jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath());
	}

	Figures stop(String side) throws Exception {
		jcmd("JFR.stop", "name=bench");
		Map<String, Integer> byComponent = new HashMap<>();
		Map<String, Integer> byMethod = new HashMap<>();
		Map<String, Integer> byPart = new HashMap<>();
		int samples = 0;
		try (RecordingFile recording = new RecordingFile(file)) {
			while (recording.hasMoreEvents()) {
				RecordedEvent event = recording.readEvent();
				if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
					continue;
				}
				samples++;
				String component = "JDK only (threads outside any library: GC helpers, I/O, timers)";
				String method = null;
				List<RecordedFrame> frames = event.getStackTrace().getFrames();
				for (int i = 0; i < frames.size(); i++) {
					RecordedFrame frame = frames.get(i);
					if (frame.getMethod() == null || frame.getMethod().getType() == null) {
						continue;
					}
					String type = frame.getMethod().getType().getName();
					if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
							|| type.startsWith("javax.") || type.startsWith("jakarta.") || isKeyOfMap(frames, i)) {
						continue;
					}
					component = COMPONENTS.entrySet()
						.stream()
						.filter(e -> type.startsWith(e.getKey()))
						.map(Map.Entry::getValue)
						.findFirst()
						.orElse("other libraries");
					method = type + "." + frame.getMethod().getName();
					break;
				}
				byComponent.merge(component, 1, Integer::sum);
				if (method != null) {
					byMethod.merge(method, 1, Integer::sum);
				}
				byPart.merge(part(frames), 1, Integer::sum);
			}
		}
		int total = Math.max(1, samples);
		Map<String, Double> components = new LinkedHashMap<>();
		byComponent.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(e -> components.put(e.getKey(), 100.0 * e.getValue() / total));
		List<String[]> hot = new ArrayList<>();
		byMethod.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(8)
			.forEach(e -> hot.add(new String[] { e.getKey(), "%.1f".formatted(100.0 * e.getValue() / total) }));
		Map<String, Double> parts = new LinkedHashMap<>();
		for (String part : PARTS.keySet()) {
			parts.put(part, 100.0 * byPart.getOrDefault(part, 0) / total);
		}
		parts.put(OTHER_PART, 100.0 * byPart.getOrDefault(OTHER_PART, 0) / total);
		return new Figures(side, samples, components, hot, parts);
	}

	private static String part(List<RecordedFrame> frames) {
		Set<String> methods = new HashSet<>();
		for (RecordedFrame frame : frames) {
			if (frame.getMethod() != null && frame.getMethod().getType() != null) {
				String type = frame.getMethod().getType().getName();
				if (type.startsWith("org.camunda.bpm.engine.impl.jobexecutor.")) {
					// the job executor's polling runs engine commands too, but for no step
					return OTHER_PART;
				}
				methods.add(type + "." + frame.getMethod().getName());
			}
		}
		for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
			if (part.getValue().stream().anyMatch(methods::contains)) {
				return part.getKey();
			}
		}
		return OTHER_PART;
	}

	private void jcmd(String... command) throws Exception {
		List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(app.pid())));
		line.addAll(List.of(command));
		Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", line) + ": " + out);
		}
	}


	/**
	 * Whether a frame is a key's equals or hashCode called by a JDK map: charged to the
	 * map's caller, like the lookup itself. Besides, JFR's debug information for a map
	 * lookup compiled with a key's equals inlined names that equals for lookups of every
	 * other key type too: Spring Boot's JarFileUrlKey.equals, inlined at start-up, then
	 * showed up under the JDBC driver's and MyBatis's own lookups as 6% "nested-jar
	 * loader".
	 */
	private static boolean isKeyOfMap(List<RecordedFrame> frames, int i) {
		String name = frames.get(i).getMethod().getName();
		if (!name.startsWith("equals") && !name.equals("hashCode")) {
			return false;
		}
		for (int j = i + 1; j < frames.size(); j++) {
			var method = frames.get(j).getMethod();
			if (method == null || method.getType() == null) {
				continue;
			}
			String caller = method.getType().getName();
			if (caller.startsWith("java.util.")) {
				return caller.contains("Map");
			}
			if (!caller.equals(frames.get(i).getMethod().getType().getName())) {
				return false;
			}
		}
		return false;
	}

}

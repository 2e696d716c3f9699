package com.investtrack.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the pages: logs in through the form, keeps the session
 * cookie, sends the CSRF token with its POSTs and does not follow redirects, so tests see
 * the status and Location the server answered.
 */
public final class WebSession {

	/** One answer: status, body as text, Location header (null if none). */
	public record Page(int status, String body, String location, String contentType) {
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		headers.put("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
	}

	/** A session that sends this header with every request (e.g. Accept-Language). */
	public WebSession header(String name, String value) {
		headers.put(name, value);
		return this;
	}

	/**
	 * Logs in with the demo password; fails unless the server sends the user on to the
	 * board.
	 */
	public WebSession login(String user) {
		Page form = get("/login");
		Page answer = postForm("/login", Map.of("username", user, "password", TestData.PASSWORD), csrfOf(form.body()));
		if (answer.status() != 302 || answer.location() == null || answer.location().contains("error")) {
			throw new AssertionError("login of " + user + " failed: " + answer.status() + " " + answer.location());
		}
		return this;
	}

	public Page get(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		headers.forEach(request::header);
		return send(request.build());
	}

	/**
	 * POSTs a form with the CSRF token of the board page, as a page of this session
	 * would.
	 */
	public Page post(String path, Map<String, String> fields) {
		return postForm(path, fields, csrfOf(get("/").body()));
	}

	/** POSTs a form without any CSRF token, as a third-party page would. */
	public Page postWithoutCsrf(String path, Map<String, String> fields) {
		return postForm(path, fields, null);
	}

	private Page postForm(String path, Map<String, String> fields, String csrf) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (csrf != null) {
			all.put("_csrf", csrf);
		}
		String body = all.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return send(request.build());
	}

	private Page send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(null));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String csrfOf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new AssertionError("no CSRF token in the page");
		}
		return m.group(1);
	}

}

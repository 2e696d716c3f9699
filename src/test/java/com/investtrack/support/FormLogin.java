package com.investtrack.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Logs in through the login form, as a browser does, and returns the session cookie. The
 * form's CSRF token is taken from where the server keeps it, the session in the database,
 * rather than scraped from a page: a first POST without a token makes the server create
 * the session and its token, which is then masked the way Spring Security's pages mask
 * it. So the login works against the bare API, whatever the pages look like.
 */
public final class FormLogin {

	public static final String SESSION_COOKIE = "SESSION";

	private static final String CSRF_ATTRIBUTE = "org.springframework.security.web.csrf."
			+ "HttpSessionCsrfTokenRepository.CSRF_TOKEN";

	/**
	 * Logs {@code username} in at {@code baseUrl}; returns the value of the authenticated
	 * session's cookie.
	 */
	public static String login(HttpClient http, String baseUrl, JdbcClient db, String username, String password)
			throws IOException, InterruptedException {
		HttpResponse<String> first = http.send(form(baseUrl, null, Map.of("username", username, "password", password)),
				HttpResponse.BodyHandlers.ofString());
		String anonymousSession = sessionCookie(first);
		if (anonymousSession == null) {
			throw new AssertionError("The login form answered " + first.statusCode() + " without a session cookie");
		}
		String sessionId = new String(Base64.getDecoder().decode(anonymousSession), StandardCharsets.US_ASCII);
		byte[] stored = db.sql("""
				SELECT a.ATTRIBUTE_BYTES FROM SPRING_SESSION_ATTRIBUTES a
				JOIN SPRING_SESSION s ON s.PRIMARY_ID = a.SESSION_PRIMARY_ID
				WHERE s.SESSION_ID = ? AND a.ATTRIBUTE_NAME = ?""")
			.params(sessionId, CSRF_ATTRIBUTE)
			.query(byte[].class)
			.single();
		HttpResponse<String> login = http.send(
				form(baseUrl, anonymousSession,
						Map.of("username", username, "password", password, "_csrf", masked(deserialize(stored)))),
				HttpResponse.BodyHandlers.ofString());
		String session = sessionCookie(login);
		if (login.statusCode() != 302 || session == null
				|| login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new AssertionError(
					"Login of " + username + " failed: " + login.statusCode() + " " + login.headers().map());
		}
		return session;
	}

	/** The value of the SESSION cookie an answer sets, or null. */
	public static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(SESSION_COOKIE + "="))
			.map(c -> c.substring(SESSION_COOKIE.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.filter(v -> !v.isEmpty())
			.findFirst()
			.orElse(null);
	}

	private static HttpRequest form(String baseUrl, String session, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (session != null) {
			request.header("Cookie", SESSION_COOKIE + "=" + session);
		}
		return request.build();
	}

	private static CsrfToken deserialize(byte[] bytes) throws IOException {
		try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			return (CsrfToken) in.readObject();
		}
		catch (ClassNotFoundException ex) {
			throw new IOException(ex);
		}
	}

	/**
	 * The token as a page would carry it: Spring Security 6 expects it XOR-masked with a
	 * random pad.
	 */
	private static String masked(CsrfToken token) {
		var request = new MockHttpServletRequest();
		new XorCsrfTokenRequestAttributeHandler().handle(request, new MockHttpServletResponse(), () -> token);
		return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
	}

	private FormLogin() {
	}

}

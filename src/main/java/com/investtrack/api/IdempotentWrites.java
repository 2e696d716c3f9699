package com.investtrack.api;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investtrack.api.IdempotencyKeys.StoredAnswer;
import com.investtrack.common.InvalidInputException;
import com.investtrack.operations.ContendedWrites;
import com.investtrack.security.CurrentUser;
import com.investtrack.security.CurrentUsers;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Runs each write of the JSON API in one transaction that spans the controller, the
 * service and the answer, and makes it safe to send again:
 * <ul>
 * <li>With an {@value #KEY_HEADER} header the key is claimed at the start of that
 * transaction and the answer stored at its end, so a retry with the same key, on
 * whichever node, gets the first answer back and changes nothing; the key cannot outlive
 * a write that rolled back, nor a write commit without its key.</li>
 * <li>A transaction that lost a lock conflict (deadlock, lock-wait timeout, the engine's
 * optimistic locking) or found the engine's state moved on under it was rolled back as a
 * whole and is run again by {@link ContendedWrites}, with back-off, so that a collision
 * between two nodes costs a few milliseconds instead of an error. A write that keeps
 * losing is answered 503 with Retry-After (409 where the state moved on) by
 * {@link ApiExceptionHandler}.</li>
 * </ul>
 * Only successful (2xx) answers of committed writes are stored: a refused request changed
 * nothing, so sending it again is harmless.
 */
@Component
class IdempotentWrites {

	static final String KEY_HEADER = "Idempotency-Key";

	/**
	 * Set on an answer that was replayed from the store rather than produced by doing the
	 * write.
	 */
	static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

	private static final int MAX_PATH = 400;

	private static final Logger log = LoggerFactory.getLogger(IdempotentWrites.class);

	/**
	 * A request whose key is to be claimed: who sent it, under which key, and a digest of
	 * what it asked for.
	 */
	private record KeyedRequest(String username, String key, String method, String path, String hash) {
	}

	/** What a controller answered, as it is stored. */
	private record Answer(int status, String location, Object body) {

		boolean successful() {
			return status >= 200 && status < 300;
		}

	}

	/** Carries a checked exception of the controller through the transaction template. */
	private static final class CheckedFailure extends RuntimeException {

		CheckedFailure(Throwable cause) {
			super(cause);
		}

	}

	private final TransactionTemplate tx;

	private final IdempotencyKeys keys;

	private final ObjectMapper json;

	/**
	 * Reads stored answers back into the controller's return type, which may carry
	 * derived read-only properties.
	 */
	private final ObjectMapper replayJson;

	private final Clock clock;

	private final ContendedWrites contended;

	IdempotentWrites(PlatformTransactionManager transactions, IdempotencyKeys keys, ObjectMapper json, Clock clock,
			ContendedWrites contended) {
		this.tx = new TransactionTemplate(transactions);
		this.keys = keys;
		this.json = json;
		this.replayJson = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		this.clock = clock;
		this.contended = contended;
	}

	Object invoke(MethodInvocation invocation) throws Throwable {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return invocation.proceed();
		}
		KeyedRequest keyed = keyed(attributes.getRequest(), invocation);
		return contended.run(() -> runOnce(invocation, keyed, attributes));
	}

	private Object runOnce(MethodInvocation invocation, KeyedRequest keyed, ServletRequestAttributes attributes)
			throws Throwable {
		try {
			return tx.execute(status -> {
				if (keyed != null) {
					Optional<StoredAnswer> stored = keys.claim(keyed.username(), keyed.key(), keyed.method(),
							keyed.path(), keyed.hash(), Instant.now(clock));
					if (stored.isPresent()) {
						return replay(invocation.getMethod(), stored.get(), keyed, attributes);
					}
				}
				Object result = proceed(invocation);
				Answer answer = answerOf(invocation.getMethod(), result);
				// a handler that caught a failure of a transactional service answers what
				// it chose to, and nothing
				// of that failed work is committed (marking the rollback here keeps it
				// from surfacing as an error)
				if (!answer.successful() || status.isRollbackOnly()) {
					status.setRollbackOnly();
				}
				else if (keyed != null) {
					keys.complete(keyed.username(), keyed.key(), answer.status(), answer.location(),
							answer.body() == null ? null : write(answer.body()));
				}
				return result;
			});
		}
		catch (CheckedFailure failure) {
			throw failure.getCause();
		}
	}

	private KeyedRequest keyed(HttpServletRequest request, MethodInvocation invocation) {
		String key = request.getHeader(KEY_HEADER);
		CurrentUser user = CurrentUsers.of(SecurityContextHolder.getContext().getAuthentication());
		if (key == null || user == null) {
			return null;
		}
		if (!VALID_KEY.matcher(key).matches()) {
			throw new InvalidInputException(KEY_HEADER, "must be 1 to 100 visible ASCII characters, e.g. a UUID");
		}
		String path = request.getRequestURI()
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		return new KeyedRequest(user.username(), key, request.getMethod(),
				path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path,
				hash(request.getMethod(), path, invocation));
	}

	/**
	 * Method, path and the JSON of the request body: a retry of the same request has the
	 * same digest.
	 */
	private String hash(String method, String path, MethodInvocation invocation) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
			var annotations = invocation.getMethod().getParameterAnnotations();
			Object[] arguments = invocation.getArguments();
			for (int i = 0; i < arguments.length; i++) {
				for (var annotation : annotations[i]) {
					if (annotation instanceof RequestBody) {
						sha.update(json.writeValueAsBytes(arguments[i]));
					}
				}
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException | JsonProcessingException ex) {
			throw new IllegalStateException("Cannot digest the request", ex);
		}
	}

	private Object replay(Method method, StoredAnswer stored, KeyedRequest keyed, ServletRequestAttributes attributes) {
		if (!stored.requestHash().equals(keyed.hash())) {
			throw new IdempotencyKeyReusedException();
		}
		log.debug("Replaying the stored answer for key {} of {}", keyed.key(), keyed.username());
		if (attributes.getResponse() != null) {
			attributes.getResponse().setHeader(REPLAYED_HEADER, "true");
		}
		try {
			if (ResponseEntity.class.isAssignableFrom(method.getReturnType())) {
				var builder = ResponseEntity.status(stored.status());
				if (stored.location() != null) {
					builder.location(URI.create(stored.location()));
				}
				return builder.body(stored.body() == null ? null : json.readTree(stored.body()));
			}
			if (stored.body() == null || method.getReturnType() == void.class) {
				return null;
			}
			return replayJson.readValue(stored.body(), replayJson.constructType(method.getGenericReturnType()));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot read the stored answer of key " + keyed.key(), ex);
		}
	}

	private static Answer answerOf(Method method, Object result) {
		if (result instanceof ResponseEntity<?> entity) {
			URI location = entity.getHeaders().getLocation();
			return new Answer(entity.getStatusCode().value(), location == null ? null : location.toString(),
					entity.getBody());
		}
		ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(method, ResponseStatus.class);
		return new Answer(declared == null ? 200 : declared.code().value(), null, result);
	}

	private String write(Object body) {
		try {
			return json.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot store the answer", ex);
		}
	}

	private static Object proceed(MethodInvocation invocation) {
		try {
			return ((ProxyMethodInvocation) invocation).invocableClone().proceed();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new CheckedFailure(ex);
		}
	}

}

package com.investtrack.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.investtrack.common.ConflictException;
import com.investtrack.common.DatabaseFailures;
import com.investtrack.common.ForbiddenException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.operations.UnavailableAnswers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

/**
 * Maps every failure of an API call to a status and an {@link ApiError}. The engine wraps
 * exceptions thrown in its listeners, so the cause chain is searched for the domain's own
 * exceptions first. Nothing internal reaches the client, and a failure of the cluster's
 * making (database away, a write that kept losing lock conflicts, the state moved on
 * under a write) is a 503 or a 409 the client can act on, never a 500.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

	/**
	 * Seconds after which a write that kept losing lock conflicts may be sent again:
	 * conflicts last milliseconds.
	 */
	static final String CONTENTION_RETRY_AFTER = "2";

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ApiError> invalid(MethodArgumentNotValidException ex) {
		Map<String, String> fields = new LinkedHashMap<>();
		ex.getBindingResult().getFieldErrors().forEach(e -> fields.putIfAbsent(e.getField(), e.getDefaultMessage()));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> fields.putIfAbsent(e.getObjectName(), e.getDefaultMessage()));
		return badRequest("Some fields are missing or invalid", fields);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException ex) {
		Map<String, String> fields = new LinkedHashMap<>();
		ex.getParameterValidationResults()
			.forEach(r -> fields.put(r.getMethodParameter().getParameterName(),
					r.getResolvableErrors()
						.stream()
						.map(e -> e.getDefaultMessage())
						.collect(Collectors.joining("; "))));
		return badRequest("Some parameters are invalid", fields);
	}

	/**
	 * Path and query parameters, checked by the @Validated controllers' method
	 * validation.
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ApiError> invalidArguments(ConstraintViolationException ex) {
		Map<String, String> fields = new TreeMap<>();
		ex.getConstraintViolations().forEach(v -> {
			String field = null;
			for (Path.Node node : v.getPropertyPath()) {
				field = node.getName();
			}
			fields.merge(String.valueOf(field), v.getMessage(), (a, b) -> a + "; " + b);
		});
		return badRequest("Some parameters are invalid", fields);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof ApiRequestGuard.BodyTooLargeException) {
			return error(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
					"The request body may be at most " + ApiRequestGuard.MAX_BODY_BYTES / 1024 + " KB");
		}
		if (ex.getCause() instanceof UnrecognizedPropertyException u) {
			return badRequest("Unknown field", Map.of(u.getPropertyName(), "is not a known field"));
		}
		if (ex.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
			String field = m.getPath()
				.stream()
				.map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
				.collect(Collectors.joining("."));
			return badRequest("A field has the wrong type or format", Map.of(field, "has the wrong type or format"));
		}
		return badRequest("The request body is missing or is not valid JSON", Map.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return badRequest("A parameter has the wrong type or format",
				Map.of(ex.getName(), "has the wrong type or format"));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException ex) {
		return badRequest("A parameter is missing", Map.of(ex.getParameterName(), "is required"));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ApiError> missingPart(MissingServletRequestPartException ex) {
		return badRequest("A part of the upload is missing", Map.of(ex.getRequestPartName(), "is required"));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException ex) {
		return badRequest("A header is missing", Map.of(ex.getHeaderName(), "is required"));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ApiError> noResource(NoResourceFoundException ex) {
		return error(HttpStatus.NOT_FOUND, "not_found", "No such resource");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException ex) {
		return error(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
				"Method " + ex.getMethod() + " is not allowed here");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Send application/json");
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return error(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This resource answers application/json");
	}

	/**
	 * Not multipart at all: both uploads (the ledger, evidence files) take their file in
	 * the field 'file'.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ApiError> multipart(MultipartException ex) {
		return badRequest("Send the file as multipart/form-data in the field 'file'", Map.of("file", "is required"));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException ex) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(new ApiError("payload_too_large", "The file is too large", Map.of("file", "must be at most 20 MB")));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ApiError> denied(AccessDeniedException ex) {
		return error(HttpStatus.FORBIDDEN, "forbidden", "Access denied");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> any(Exception ex, HttpServletRequest request) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidInputException e) {
				return badRequest("Some fields are invalid", e.fields());
			}
			if (t instanceof NotFoundException e) {
				return error(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
			}
			if (t instanceof ConflictException e) {
				return error(HttpStatus.CONFLICT, "conflict", e.getMessage());
			}
			if (t instanceof ForbiddenException e) {
				return error(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
			}
			if (t instanceof IdempotencyKeyReusedException e) {
				return error(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency_key_reused", e.getMessage());
			}
		}
		if (DatabaseFailures.isUnavailable(ex)) {
			log.warn("Database unavailable: {}", ex.toString());
			return unavailable("5", "The database is unavailable; retry in a few seconds");
		}
		if (DatabaseFailures.isLockConflict(ex)) {
			// ContendedWrites ran it again and gave up: the transaction rolled back,
			// nothing was saved
			UnavailableAnswers.markContention(request);
			return unavailable(CONTENTION_RETRY_AFTER, "Too many changes to the same data at the same moment "
					+ "(contention): nothing was saved; retry in a moment");
		}
		if (DatabaseFailures.isStateMovedOn(ex) || DatabaseFailures.isConstraintViolation(ex)) {
			log.info("Write refused after a conflict with a concurrent one: {}", ex.toString());
			return error(HttpStatus.CONFLICT, "conflict",
					"Someone else changed this project at the same moment; reload it and try again");
		}
		log.error("Unexpected error", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong; it has been logged");
	}

	private static ResponseEntity<ApiError> unavailable(String retryAfterSeconds, String message) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
			.body(new ApiError("unavailable", message, Map.of()));
	}

	private static ResponseEntity<ApiError> badRequest(String message, Map<String, String> fields) {
		return ResponseEntity.badRequest().body(new ApiError("invalid_input", message, fields));
	}

	private static ResponseEntity<ApiError> error(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status).body(new ApiError(code, message, Map.of()));
	}

}

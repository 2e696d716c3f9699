package com.investtrack.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.investtrack.supervision.EvidenceFiles;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses API requests that could only fail after doing their work, before a controller
 * runs: bodies above 64 KB (the largest real one is a few KB) with 413, by the declared
 * length or, for a chunked body, as soon as more than the limit has been read; and
 * callers that do not accept JSON with 406, which would otherwise be told so only after
 * their change had been committed.
 */
@Component
class ApiRequestGuard extends OncePerRequestFilter {

	static final int MAX_BODY_BYTES = 64 * 1024;

	/**
	 * The Excel ledger's upload: 20 MB of file and the multipart framing around it (see
	 * the multipart settings).
	 */
	static final long MAX_LEDGER_UPLOAD_BYTES = 21L * 1024 * 1024;

	static final String LEDGER_UPLOAD = "/api/imports";

	static final String LEDGER_EXPORT = "/api/projects/export.xlsx";

	/**
	 * An evidence upload: 20 MB of file and room for the multipart framing (multipart
	 * limits in application.properties).
	 */
	static final long MAX_UPLOAD_BYTES = EvidenceFiles.MAX_BYTES + 1024 * 1024;

	private static final java.util.regex.Pattern EVIDENCE_UPLOAD = java.util.regex.Pattern
		.compile("/api/projects/[^/]+/evidence");

	/**
	 * Thrown while reading a chunked body that grows past the limit; answered 413 by
	 * {@link ApiExceptionHandler}.
	 */
	static final class BodyTooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		BodyTooLargeException() {
			super("The request body exceeds " + MAX_BODY_BYTES + " bytes");
		}

	}

	private final ObjectMapper json;

	ApiRequestGuard(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// evidence files are the API's one large body and its one answer that is not JSON
		// (see EvidenceApiController)
		if (EVIDENCE_UPLOAD.matcher(path).matches() && "POST".equals(request.getMethod())) {
			if (request.getContentLengthLong() > MAX_UPLOAD_BYTES) {
				refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
						"An evidence file may be at most 20 MB", Map.of("file", "must be at most 20 MB"));
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		if (path.startsWith("/api/evidence/") && "GET".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		boolean upload = path.equals(LEDGER_UPLOAD) && "POST".equals(request.getMethod());
		if (upload && request.getContentLengthLong() > MAX_LEDGER_UPLOAD_BYTES) {
			refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "The ledger file may be at most 20 MB",
					Map.of("file", "must be at most 20 MB"));
			return;
		}
		if (!upload && request.getContentLengthLong() > MAX_BODY_BYTES) {
			refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
					"The request body may be at most " + MAX_BODY_BYTES / 1024 + " KB");
			return;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		// the ledger's export answers a workbook, not JSON (its errors are still JSON)
		if (accept != null && !accept.isBlank() && !path.equals(LEDGER_EXPORT)) {
			List<MediaType> accepted;
			try {
				accepted = MediaType.parseMediaTypes(accept);
			}
			catch (InvalidMediaTypeException ex) {
				refuse(response, HttpStatus.BAD_REQUEST, "invalid_input", "The Accept header is not valid");
				return;
			}
			if (accepted.stream().noneMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
				refuse(response, HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This API answers application/json");
				return;
			}
		}
		// the container reads a multipart upload itself, within the multipart settings'
		// limits
		chain.doFilter(upload ? request : new LimitedRequest(request), response);
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String error, String message)
			throws IOException {
		refuse(response, status, error, message, Map.of());
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String error, String message,
			Map<String, String> fields) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), new ApiError(error, message, fields));
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private ServletInputStream limited;

		LimitedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (limited == null) {
				limited = new LimitedInputStream(super.getInputStream());
			}
			return limited;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private long read;

		LimitedInputStream(ServletInputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			read += n;
			if (read > MAX_BODY_BYTES) {
				throw new BodyTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}

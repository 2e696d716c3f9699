package com.investtrack.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import com.investtrack.common.ConflictException;
import com.investtrack.common.DatabaseFailures;
import com.investtrack.common.ForbiddenException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.operations.UnavailableAnswers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a page shows when a request fails: the friendly error page with the right status,
 * never a stack trace. Forms handle their own refusals (see {@link FormActions}); what
 * reaches here is a missing project, a page the role may not open, a malformed address, a
 * database that is away or busy, or a bug.
 */
@ControllerAdvice(basePackageClasses = WebExceptionHandler.class)
class WebExceptionHandler {

	static final String ERROR_VIEW = "error";

	/**
	 * Seconds after which a page that kept losing lock conflicts may be tried again:
	 * conflicts last milliseconds.
	 */
	static final String CONTENTION_RETRY_AFTER = "2";

	private static final Logger log = LoggerFactory.getLogger(WebExceptionHandler.class);

	private final DomainMessages messages;

	WebExceptionHandler(DomainMessages messages) {
		this.messages = messages;
	}

	/** Blank form fields arrive as null, so "not given" has one meaning. */
	@InitBinder
	void trimStrings(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView typeMismatch(MethodArgumentTypeMismatchException ex) {
		// /projects/abc names no project; a malformed query parameter is a bad link
		boolean pathVariable = ex.getParameter().hasParameterAnnotation(PathVariable.class);
		return page(pathVariable ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, null);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView any(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (ex instanceof ErrorResponse standard) {
			// Spring's own refusals (wrong method, unreadable form, ...) keep their
			// status
			return page(HttpStatus.valueOf(standard.getStatusCode().value()), null);
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof NotFoundException) {
				return page(HttpStatus.NOT_FOUND, null);
			}
			if (t instanceof ForbiddenException) {
				return page(HttpStatus.FORBIDDEN, messages.translate(t.getMessage()));
			}
			if (t instanceof ConflictException) {
				return page(HttpStatus.CONFLICT, messages.translate(t.getMessage()));
			}
			if (t instanceof InvalidInputException invalid) {
				return page(HttpStatus.BAD_REQUEST,
						invalid.fields()
							.entrySet()
							.stream()
							.map(e -> e.getKey() + ": " + messages.translate(e.getValue()))
							.reduce((a, b) -> a + "; " + b)
							.orElse(null));
			}
		}
		if (DatabaseFailures.isUnavailable(ex)) {
			// on to system.DatabaseUnavailableFilter, whose 503 page needs no database
			// (this one's layout might)
			throw ex;
		}
		if (DatabaseFailures.isLockConflict(ex)) {
			UnavailableAnswers.markContention(request);
			response.setHeader(HttpHeaders.RETRY_AFTER, CONTENTION_RETRY_AFTER);
			return page(HttpStatus.SERVICE_UNAVAILABLE, messages.text("problem.contention"));
		}
		if (DatabaseFailures.isStateMovedOn(ex) || DatabaseFailures.isConstraintViolation(ex)) {
			return page(HttpStatus.CONFLICT, messages.translate("Someone else changed this project"));
		}
		log.error("Unexpected error on a page", ex);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, null);
	}

	private static ModelAndView page(HttpStatus status, String detail) {
		ModelAndView page = new ModelAndView(ERROR_VIEW, status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		return page;
	}

}

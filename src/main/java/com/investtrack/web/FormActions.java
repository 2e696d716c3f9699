package com.investtrack.web;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.investtrack.common.ConflictException;
import com.investtrack.common.DatabaseFailures;
import com.investtrack.common.ForbiddenException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.operations.ContendedWrites;
import com.investtrack.operations.StepMetrics;
import com.investtrack.operations.StepOutcome;

/**
 * Runs a write submitted from a form and turns the services' refusals into what the page
 * shows: a reason next to each field that was wrong, or one message at the top when the
 * project's state or the user's rights stand in the way. The engine wraps exceptions
 * thrown in its listeners, so the cause chain is searched for the domain's own.
 * <p>
 * Like the API's writes, a form's write that loses a lock conflict runs again
 * ({@link ContendedWrites}); one that keeps losing, or finds the state moved on, is a
 * message at the top, not an error page. Each refusal is marked on the request for the
 * steps metric, since the redirect's status does not tell it.
 */
@Component
class FormActions {

	/** Flash attribute of the message shown at the top of the next page. */
	static final String PROBLEM = "problem";

	/** Flash attribute of the confirmation shown at the top of the next page. */
	static final String NOTICE = "notice";

	private final DomainMessages messages;

	private final ContendedWrites contended;

	FormActions(DomainMessages messages, ContendedWrites contended) {
		this.messages = messages;
		this.contended = contended;
	}

	/**
	 * Whether the action succeeded; if not, the reasons are in {@code errors} or in the
	 * flash.
	 */
	boolean attempt(Runnable action, BindingResult errors, RedirectAttributes flash) {
		return attemptResult(() -> {
			action.run();
			return Boolean.TRUE;
		}, errors, flash).isPresent();
	}

	/**
	 * The action's result, or empty when it was refused (the reasons are in
	 * {@code errors} or in the flash).
	 */
	<T> Optional<T> attemptResult(Supplier<T> action, BindingResult errors, RedirectAttributes flash) {
		try {
			return Optional.of(contended.run(action::get));
		}
		catch (RuntimeException ex) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t instanceof InvalidInputException invalid) {
					StepMetrics.mark(StepOutcome.INVALID);
					invalid.fields().forEach((field, reason) -> reject(errors, field, reason));
					return Optional.empty();
				}
				if (t instanceof NotFoundException notFound) {
					StepMetrics.mark(StepOutcome.NOT_FOUND);
					throw notFound;
				}
				if (t instanceof ConflictException || t instanceof ForbiddenException) {
					StepMetrics.mark(t instanceof ConflictException ? StepOutcome.CONFLICT : StepOutcome.FORBIDDEN);
					flash.addFlashAttribute(PROBLEM, messages.translate(t.getMessage()));
					return Optional.empty();
				}
			}
			if (DatabaseFailures.isUnavailable(ex)) {
				// the database is away: its 503 page, which needs no database
				// (system.DatabaseUnavailableFilter)
				throw ex;
			}
			if (DatabaseFailures.isLockConflict(ex)) {
				StepMetrics.mark(StepOutcome.UNAVAILABLE);
				flash.addFlashAttribute(PROBLEM, messages.text("problem.contention"));
				return Optional.empty();
			}
			if (DatabaseFailures.isStateMovedOn(ex) || DatabaseFailures.isConstraintViolation(ex)) {
				StepMetrics.mark(StepOutcome.CONFLICT);
				flash.addFlashAttribute(PROBLEM, messages.translate("Someone else changed this project"));
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * Carries a form and its errors over the redirect, so the page shows what was typed
	 * and why it was refused.
	 */
	static void keep(RedirectAttributes flash, String name, Object form, BindingResult errors) {
		if (errors.hasErrors()) {
			StepMetrics.mark(StepOutcome.INVALID);
		}
		flash.addFlashAttribute(name, form);
		flash.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + name, errors);
	}

	private void reject(BindingResult errors, String field, String reason) {
		String text = messages.translate(reason);
		if (errors.getTarget() != null && new BeanWrapperImpl(errors.getTarget()).isReadableProperty(field)) {
			errors.rejectValue(field, "domain", text);
		}
		else {
			// a field the form does not hold (evidence, say) is named in the page's
			// language where a label exists
			errors.reject("domain", messages.textOr("field." + field, field) + ": " + text);
		}
	}

}

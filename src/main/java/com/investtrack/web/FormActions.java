package com.investtrack.web;

import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.investtrack.common.ConflictException;
import com.investtrack.common.ForbiddenException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;

/**
 * Runs a write submitted from a form and turns the services' refusals into what the page shows: a reason next to each
 * field that was wrong, or one message at the top when the project's state or the user's rights stand in the way. The
 * engine wraps exceptions thrown in its listeners, so the cause chain is searched for the domain's own.
 */
@Component
class FormActions {

	/** Flash attribute of the message shown at the top of the next page. */
	static final String PROBLEM = "problem";

	/** Flash attribute of the confirmation shown at the top of the next page. */
	static final String NOTICE = "notice";

	private final DomainMessages messages;

	FormActions(DomainMessages messages) {
		this.messages = messages;
	}

	/** Whether the action succeeded; if not, the reasons are in {@code errors} or in the flash. */
	boolean attempt(Runnable action, BindingResult errors, RedirectAttributes flash) {
		return attemptResult(() -> {
			action.run();
			return Boolean.TRUE;
		}, errors, flash).isPresent();
	}

	/** The action's result, or empty when it was refused (the reasons are in {@code errors} or in the flash). */
	<T> Optional<T> attemptResult(Supplier<T> action, BindingResult errors, RedirectAttributes flash) {
		try {
			return Optional.of(action.get());
		}
		catch (RuntimeException ex) {
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t instanceof InvalidInputException invalid) {
					invalid.fields().forEach((field, reason) -> reject(errors, field, reason));
					return Optional.empty();
				}
				if (t instanceof NotFoundException notFound) {
					throw notFound;
				}
				if (t instanceof ConflictException || t instanceof ForbiddenException) {
					flash.addFlashAttribute(PROBLEM, messages.translate(t.getMessage()));
					return Optional.empty();
				}
				if (t instanceof OptimisticLockingException || t instanceof DataIntegrityViolationException
						|| t instanceof PessimisticLockingFailureException) {
					flash.addFlashAttribute(PROBLEM, messages.translate("Someone else changed this project"));
					return Optional.empty();
				}
			}
			throw ex;
		}
	}

	/** Carries a form and its errors over the redirect, so the page shows what was typed and why it was refused. */
	static void keep(RedirectAttributes flash, String name, Object form, BindingResult errors) {
		flash.addFlashAttribute(name, form);
		flash.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + name, errors);
	}

	private void reject(BindingResult errors, String field, String reason) {
		String text = messages.translate(reason);
		if (errors.getTarget() != null && new BeanWrapperImpl(errors.getTarget()).isReadableProperty(field)) {
			errors.rejectValue(field, "domain", text);
		}
		else {
			errors.reject("domain", field + ": " + text);
		}
	}

}

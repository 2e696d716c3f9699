package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Locale;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.pvm.PvmException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that fails because of the cluster is never the 500 page: a database that is away
 * is left to the 503 page that needs no database, a page that kept losing lock conflicts
 * is a 503 with Retry-After and a message, a state that moved on is a 409.
 */
class WebExceptionHandlerTest {

	private final WebExceptionHandler handler = new WebExceptionHandler(new DomainMessages(messages()));

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/parks");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@BeforeEach
	void english() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void anUnreachableDatabaseGoesOnToThe503PageThatNeedsNoDatabase() {
		var away = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLNonTransientConnectionException("Communications link failure", "08S01"));

		assertThatThrownBy(() -> handler.any(away, request, response)).isSameAs(away);
	}

	@Test
	void aPageThatKeptLosingLockConflictsIsA503WithRetryAfterAndAMessage() throws Exception {
		var lost = new CannotAcquireLockException("Lock wait timeout exceeded",
				new SQLException("Lock wait timeout exceeded", "HY000", 1205));

		ModelAndView page = handler.any(lost, request, response);

		assertThat(page.getStatus().value()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo(WebExceptionHandler.CONTENTION_RETRY_AFTER);
		assertThat((String) page.getModel().get("detail")).startsWith("Too many changes");
	}

	@Test
	void aStateThatMovedOnIsA409() throws Exception {
		var moved = new ProcessEngineException("ENGINE-16004",
				new PvmException("cannot signal execution 42: it has no current activity"));

		ModelAndView page = handler.any(moved, request, response);

		assertThat(page.getStatus().value()).isEqualTo(409);
		assertThat((String) page.getModel().get("detail")).startsWith("Someone else changed this project");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages/messages", "messages/operations");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}

package com.investtrack.web;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditFilter;

/** The audit page's query: a date range, who, which project, which action. */
class AuditFilterForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	private String actor;

	private Long project;

	private AuditAction action;

	private int page;

	AuditFilter toFilter() {
		return new AuditFilter(from, to, actor, project, action == null ? null : action.name());
	}

	/** This filter's address on the page or the CSV ({@code path}), at another page. */
	public String link(String path, int toPage) {
		return UriComponentsBuilder.fromPath(path)
			.queryParamIfPresent("from", Optional.ofNullable(from))
			.queryParamIfPresent("to", Optional.ofNullable(to))
			.queryParamIfPresent("actor", Optional.ofNullable(actor))
			.queryParamIfPresent("project", Optional.ofNullable(project))
			.queryParamIfPresent("action", Optional.ofNullable(action))
			.queryParamIfPresent("page", Optional.ofNullable(toPage > 0 ? toPage : null))
			.build()
			.encode()
			.toUriString();
	}

	public boolean isFiltered() {
		return from != null || to != null || actor != null || project != null || action != null;
	}

	public LocalDate getFrom() {
		return from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public String getActor() {
		return actor;
	}

	public void setActor(String actor) {
		this.actor = actor == null || actor.length() <= 64 ? actor : actor.substring(0, 64);
	}

	public Long getProject() {
		return project;
	}

	public void setProject(Long project) {
		this.project = project;
	}

	public AuditAction getAction() {
		return action;
	}

	public void setAction(AuditAction action) {
		this.action = action;
	}

	public int getPage() {
		return page;
	}

	public void setPage(int page) {
		this.page = Math.max(0, Math.min(page, 1_000_000));
	}

}

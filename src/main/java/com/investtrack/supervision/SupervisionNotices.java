package com.investtrack.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.ConflictException;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.Role;
import com.investtrack.project.ProjectService;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;
import com.investtrack.security.Accounts;

/**
 * Supervision notices (督办单): a manager issues one about a project to an owner with a
 * deadline; the owner replies; a manager other than the owner closes it (销号) or sends it
 * back. Each notice is its own process instance ({@link NoticeModel}) whose timers raise
 * its level while no reply comes. Every change locks the notice's row first, so a reply
 * and a timer on one notice take turns, and is audited on the notice's project.
 */
@Service
public class SupervisionNotices {

	/** The most notices one list answers with. */
	static final int LIST_LIMIT = 500;

	private final NoticeRepository notices;

	private final ProjectService projects;

	private final Accounts users;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	private final Duration redAfter;

	SupervisionNotices(NoticeRepository notices, ProjectService projects, Accounts users, RuntimeService runtime,
			TaskService tasks, AccessPolicy access, AuditTrail audit, Clock clock,
			@Value("${app.notices.red-after-days:7}") int redAfterDays) {
		this.notices = notices;
		this.projects = projects;
		this.users = users;
		this.runtime = runtime;
		this.tasks = tasks;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.redAfter = Duration.ofDays(redAfterDays);
	}

	@Transactional
	public Notice issue(long projectId, String owner, LocalDate deadline, String text, CurrentUser user) {
		access.checkCanIssueNotice(user);
		projects.find(projectId).orElseThrow(() -> new InvalidInputException("projectId", "no such project"));
		if (users.find(owner).filter(u -> u.enabled()).isEmpty()) {
			throw new InvalidInputException("owner", "is not an active user");
		}
		LocalDate today = LocalDate.now(clock);
		if (deadline.isBefore(today)) {
			throw new InvalidInputException("deadline", "must not be in the past");
		}
		Date overdueAt = Date.from(deadline.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
		String instance = runtime
			.startProcessInstanceByKey(NoticeModel.PROCESS_ID,
					Map.of(NoticeModel.VAR_OWNER, owner, NoticeModel.VAR_OVERDUE_AT, overdueAt,
							NoticeModel.VAR_RED_AFTER, redAfter.toString()))
			.getId();
		String clean = text.strip();
		long id = notices.insert(projectId, owner, deadline, clean, instance, user.username(), Instant.now(clock));
		audit.append(AuditEvent.of(user.username(), AuditAction.NOTICE_ISSUED, projectId)
			.effectiveOn(deadline)
			.details("notice " + id + " to " + owner + " by " + deadline + ": " + clean));
		return notices.find(id).orElseThrow();
	}

	/**
	 * The owner's reply: stops the escalation and puts the notice in the managers' hands.
	 */
	@Transactional
	public Notice reply(long id, String text, CurrentUser user) {
		Notice notice = locked(id);
		access.checkCanReplyToNotice(user, notice.owner());
		if (notice.status() != NoticeStatus.OPEN) {
			throw new ConflictException("This notice is " + notice.status() + ": it awaits no reply");
		}
		String clean = text.strip();
		complete(notice, NoticeModel.REPLY_TASK, Map.of());
		notices.reply(id, clean, Instant.now(clock));
		audit.append(AuditEvent.of(user.username(), AuditAction.NOTICE_REPLIED, notice.projectId())
			.details("notice " + id + ": " + clean));
		return notices.find(id).orElseThrow();
	}

	/** 销号: a manager other than the owner accepts the reply. */
	@Transactional
	public Notice close(long id, String comment, CurrentUser user) {
		Notice notice = decidable(id, user);
		complete(notice, NoticeModel.CLOSE_TASK, Map.of(NoticeModel.VAR_CLOSED, true));
		notices.close(id, user.username(), comment, Instant.now(clock));
		audit.append(AuditEvent.of(user.username(), AuditAction.NOTICE_CLOSED, notice.projectId())
			.decision("CLOSE")
			.comment(comment)
			.details("notice " + id));
		return notices.find(id).orElseThrow();
	}

	/**
	 * Sends the notice back to its owner: a new reply is awaited and the escalation
	 * starts again.
	 */
	@Transactional
	public Notice reopen(long id, String comment, CurrentUser user) {
		Notice notice = decidable(id, user);
		if (comment == null) {
			throw new InvalidInputException("comment", "is required: say why the reply is not enough");
		}
		complete(notice, NoticeModel.CLOSE_TASK, Map.of(NoticeModel.VAR_CLOSED, false));
		notices.reopen(id, comment);
		audit.append(AuditEvent.of(user.username(), AuditAction.NOTICE_REOPENED, notice.projectId())
			.decision("REOPEN")
			.comment(comment)
			.details("notice " + id));
		return notices.find(id).orElseThrow();
	}

	/**
	 * A timer of the notice's instance fired: raises an open notice to {@code level}
	 * (never lowers it).
	 */
	@Transactional
	public void escalate(String processInstanceId, NoticeLevel level) {
		long id = notices.idByProcessInstance(processInstanceId)
			.orElseThrow(() -> new IllegalStateException("No notice for process instance " + processInstanceId));
		Notice notice = locked(id);
		if (notice.status() != NoticeStatus.OPEN || notice.level().compareTo(level) >= 0) {
			return;
		}
		notices.raise(id, level);
		if (level == NoticeLevel.YELLOW) {
			// an overdue notice joins the managers' inbox beside its owner's, where it
			// stays until replied to
			tasks.createTaskQuery()
				.processInstanceId(processInstanceId)
				.taskDefinitionKey(NoticeModel.REPLY_TASK)
				.list()
				.forEach(t -> tasks.addCandidateGroup(t.getId(), Role.MANAGER.name()));
		}
		audit.append(AuditEvent.of(CurrentUser.SYSTEM, AuditAction.NOTICE_ESCALATED, notice.projectId())
			.decision(level.name())
			.details("notice " + id + " to " + notice.owner() + ", deadline " + notice.deadline() + ": "
					+ notice.level() + " -> " + level));
	}

	public Notice get(long id) {
		return notices.find(id).orElseThrow(() -> new NotFoundException("No notice " + id));
	}

	/**
	 * Notices matching the filter, newest first (at most {@link #LIST_LIMIT}); every
	 * signed-in role reads them.
	 */
	public List<Notice> search(Notice.Filter filter) {
		return notices.search(filter, LIST_LIMIT);
	}

	/**
	 * Whether this user may act on the notice now: its owner reply, or a manager close or
	 * send it back.
	 */
	public boolean canAct(Notice notice, CurrentUser user) {
		return switch (notice.status()) {
			case OPEN -> user.username().equals(notice.owner());
			case REPLIED -> access.canCloseNotice(user, notice.owner());
			case CLOSED -> false;
		};
	}

	/** The notices run by these process instances, by instance (for the inbox). */
	public Map<String, Notice> byProcessInstances(Collection<String> processInstanceIds) {
		return notices.byProcessInstances(processInstanceIds);
	}

	private Notice decidable(long id, CurrentUser user) {
		Notice notice = locked(id);
		access.checkCanCloseNotice(user, notice.owner());
		if (notice.status() != NoticeStatus.REPLIED) {
			throw new ConflictException(notice.status() == NoticeStatus.OPEN ? "This notice awaits its owner's reply"
					: "This notice is already closed");
		}
		return notice;
	}

	private Notice locked(long id) {
		return notices.lock(id).orElseThrow(() -> new NotFoundException("No notice " + id));
	}

	private void complete(Notice notice, String taskKey, Map<String, Object> variables) {
		Task task = tasks.createTaskQuery()
			.processInstanceId(notices.processInstance(notice.id()))
			.taskDefinitionKey(taskKey)
			.singleResult();
		if (task == null) {
			throw new ConflictException("This notice has no open task " + taskKey);
		}
		tasks.complete(task.getId(), variables);
	}

}

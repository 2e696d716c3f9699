package com.investtrack.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts the services' reasons (English sentences meant for API clients) into the page's
 * language. The services stay the single place where the rules live; this only recognises
 * their sentences. An unknown sentence is shown as it is.
 */
@Component
public class DomainMessages {

	private record Known(Pattern pattern, String key) {
	}

	private static final List<Known> KNOWN = List.of(known("is required", "reason.required"),
			known("must not be in the future \\(today is (.+)\\)", "reason.future"),
			known("must not be before the previous milestone \\((.+)\\)", "reason.beforePrevious"),
			known("must not be before (\\d{4}-\\d{2}-\\d{2})", "reason.tooEarly"),
			known("unknown (?:park|industry) code", "reason.unknownCode"),
			known("must be greater than 0", "reason.positive"), known("must not be negative", "reason.notNegative"),
			known("must be an active user with the OFFICER role", "reason.officer"),
			known("only a manager may create a project for another officer", "reason.officerByManager"),
			known("must be a later stage than from", "reason.laterStage"),
			known("is required when rejecting, so the officer knows why", "reason.rejectComment"),
			known("An approval is pending for this project.*", "conflict.pending"),
			known("The project was dropped on (.+)", "conflict.dropped"),
			known("The project is already in production", "conflict.inProduction"),
			known("A project cannot be dropped once construction has started", "conflict.notDroppable"),
			known("A project in \\w+ can only advance to (\\w+).*", "conflict.order"),
			known("This request was already decided", "conflict.decided"),
			known("The project's process is not waiting.*", "conflict.notWaiting"),
			known("Someone else changed this project.*", "conflict.concurrent"),
			known("Only the project's officer or a manager may change this project", "forbidden.notOwner"),
			known("Your role may not change projects", "forbidden.role"),
			known("Four-eyes rule.*", "forbidden.fourEyes"),
			known("Only (?:managers and auditors|auditors and managers) read .*", "forbidden.readers"),
			known("Only managers.*", "forbidden.managers"),
			known("Only officers and managers create projects", "forbidden.create"),
			// the project record and its plan
			known("is not a valid unified social credit code .*", "record.reason.creditCode"),
			known("must look like 2024-420802-36-03-012345 .*", "record.reason.nationalCode"),
			known("must be an active user with the LEADER role", "record.reason.leader"),
			known("must be greater than 0 and at most 10000000000 .*", "record.reason.money"),
			known("must be 1 to 32 letters, digits, '.', '_', '/' or '-'", "record.reason.ledgerCode"),
			known("is already the number of another project", "record.reason.codeTaken"),
			known("is required: say why the agreed dates change", "record.reason.planReason"),
			known("must not be before the milestone it follows \\((\\w+) reached on (\\S+)\\)",
					"record.reason.planAfterReached"),
			known("must not be before the date agreed for (\\w+) \\((\\S+)\\)", "record.reason.planAfterAgreed"),
			// supervision: progress log and notices
			known("must not be in the past", "supervision.reason.past"),
			known("is not an active user", "supervision.reason.owner"),
			known("no such project", "supervision.reason.project"),
			known("must be at most 2000 characters, without control characters", "supervision.reason.text"),
			known("is required: say why the reply is not enough", "supervision.reason.reopenComment"),
			known("Only the project's officer or a manager may record its progress", "supervision.forbidden.progress"),
			known("Only the notice's owner may reply to it", "supervision.forbidden.reply"),
			known("A manager may not close or send back a notice they own", "supervision.forbidden.own"),
			known("This notice awaits its owner's reply", "supervision.conflict.awaitsReply"),
			known("This notice is already closed", "supervision.conflict.closed"),
			known("This notice is \\w+: it awaits no reply", "supervision.conflict.noReply"),
			known("is empty", "supervision.reason.fileEmpty"),
			known("must be at most 20 MB", "supervision.reason.fileSize"),
			known("must be a PDF, JPEG, PNG, DOCX or XLSX file", "supervision.reason.fileKind"),
			known("needs a file name", "supervision.reason.fileName"),
			known("the file name must be a plain name of at most 200 characters.*", "supervision.reason.plainName"),
			known("Only the project's officer or a manager may add evidence", "supervision.forbidden.evidence"),
			known("at least one evidence file of \\w+ is required before this step.*",
					"supervision.reason.evidenceMissing"),
			// the working-day calendar
			known("must be between (\\d+) and (\\d+)", "calendar.reason.between"),
			known("(\\S+) is not in (\\d+)", "calendar.reason.notInYear"),
			known("(\\S+) is listed twice", "calendar.reason.twice"),
			known("(\\S+) is both a holiday and an adjusted working day", "calendar.reason.both"),
			known("(\\S+) is not a Saturday or Sunday: .*", "calendar.reason.notWeekend"),
			known("must not contain an empty date", "calendar.reason.emptyDate"),
			// user and park administration
			known("is required, at most (\\d+) characters, no control characters", "reason.text"),
			known("must be 2 to 32 characters: lower-case letters, digits, '-' or '_', starting with a letter",
					"reason.username"),
			known("must name at least one of .*", "reason.roles"),
			known("must be at least (\\d+) characters long", "reason.minLength"),
			known("must be at most (\\d+) bytes long", "reason.maxBytes"),
			known("must not be blank or the username", "reason.passwordName"),
			known("must be 2 to 32 upper-case letters, digits or '-'", "reason.parkCode"),
			known("You cannot remove your own ADMIN role.*", "conflict.ownAdmin"),
			known("You cannot disable your own account", "conflict.ownAccount"),
			known("A user named (.+) already exists", "conflict.userExists"),
			known("A park with code (.+) already exists", "conflict.parkExists"),
			known("Only administrators may do this", "forbidden.admins"),
			// fulfilment and the monthly bulletin
			known("must be between 0 and 10000000000 \\(万元/亩\\)", "fulfilment.reason.minimum"),
			known("must be a number", "fulfilment.reason.number"), known("is not valid", "fulfilment.reason.invalid"),
			known("must be between 1990 and the current year (\\d+)", "bulletin.reason.year"),
			known("must not be after the current month (\\S+)", "bulletin.reason.month"),
			known("The bulletin of (\\d+)-(\\d+) is already published", "bulletin.conflict.published"));

	private final MessageSource messages;

	DomainMessages(MessageSource messages) {
		this.messages = messages;
	}

	public String translate(String reason) {
		if (reason == null) {
			return "";
		}
		for (Known k : KNOWN) {
			Matcher m = k.pattern().matcher(reason);
			if (m.matches()) {
				Object[] args = new Object[m.groupCount()];
				for (int i = 0; i < args.length; i++) {
					args[i] = m.group(i + 1);
				}
				return messages.getMessage(k.key(), args, reason, LocaleContextHolder.getLocale());
			}
		}
		return reason;
	}

	/** One of the pages' own messages, in the page's language. */
	public String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/**
	 * One of the pages' own messages, or the fallback when there is no such key (a field
	 * name, say).
	 */
	public String textOr(String key, String fallback) {
		return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
	}

	private static Known known(String regex, String key) {
		return new Known(Pattern.compile(regex), key);
	}

}

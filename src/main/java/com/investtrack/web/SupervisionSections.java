package com.investtrack.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.investtrack.lifecycle.ProjectView;
import com.investtrack.project.Project;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;
import com.investtrack.supervision.EvidenceFiles;
import com.investtrack.supervision.Notice;
import com.investtrack.supervision.ProgressLog;
import com.investtrack.supervision.SupervisionNotices;

/**
 * The project page's supervision sections: the progress log and the project's supervision
 * notices.
 */
final class SupervisionSections {

	/**
	 * A notice as the pages list it: with its project and whether this user may act on it
	 * now.
	 */
	record NoticeRow(Notice notice, Project project, boolean canAct) {
	}

	private SupervisionSections() {
	}

	/** The progress log, newest first, with the form for those who may write it. */
	@Component
	static class ProgressSection implements ProjectPageSection {

		private final ProgressLog log;

		private final AccessPolicy access;

		ProgressSection(ProgressLog log, AccessPolicy access) {
			this.log = log;
			this.access = access;
		}

		@Override
		public Column column() {
			return Column.MAIN;
		}

		@Override
		public int order() {
			return 20;
		}

		@Override
		public String fragment() {
			return "fragments/supervision :: progress";
		}

		@Override
		public boolean addTo(Model model, ProjectView project, CurrentUser user) {
			model.addAttribute("progressEntries", log.forProject(project.id()));
			model.addAttribute("canRecordProgress", access.canWork(user, project.officer()));
			return true;
		}

	}

	/** The project's supervision notices, with the form to issue one for managers. */
	@Component
	static class NoticeSection implements ProjectPageSection {

		private final SupervisionNotices notices;

		NoticeSection(SupervisionNotices notices) {
			this.notices = notices;
		}

		@Override
		public Column column() {
			return Column.MAIN;
		}

		@Override
		public int order() {
			return 30;
		}

		@Override
		public String fragment() {
			return "fragments/supervision :: notices";
		}

		@Override
		public boolean addTo(Model model, ProjectView project, CurrentUser user) {
			List<Notice> found = notices.search(new Notice.Filter(null, null, null, project.id()));
			model.addAttribute("projectNotices", found);
			model.addAttribute("canIssueNotice", user.isManager());
			return true;
		}

	}

	/** The project's evidence files, each a download (always an attachment). */
	@Component
	static class EvidenceSection implements ProjectPageSection {

		private final EvidenceFiles evidence;

		EvidenceSection(EvidenceFiles evidence) {
			this.evidence = evidence;
		}

		@Override
		public Column column() {
			return Column.SIDE;
		}

		@Override
		public int order() {
			return 40;
		}

		@Override
		public String fragment() {
			return "fragments/supervision :: evidence";
		}

		@Override
		public boolean addTo(Model model, ProjectView project, CurrentUser user) {
			model.addAttribute("evidenceFiles", evidence.forProject(project.id()));
			return true;
		}

	}

}

package com.investtrack.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.project.Project;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;
import com.investtrack.supervision.EvidenceFile;
import com.investtrack.supervision.EvidenceFiles;
import com.investtrack.supervision.EvidenceRule;
import com.investtrack.supervision.EvidenceRules;
import com.investtrack.supervision.Notice;
import com.investtrack.supervision.ProgressLog;
import com.investtrack.supervision.SupervisionNotices;

/**
 * The project page's supervision sections: the progress log, the project's supervision
 * notices and its evidence files.
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

	/**
	 * A stage whose evidence an administrator requires: how many files the project has of
	 * it (none: missing).
	 */
	record EvidenceRequirement(Stage stage, long files) {

		public boolean missing() {
			return files == 0;
		}

	}

	/**
	 * The project's evidence files, each a download (always an attachment); what the
	 * evidence rules require and whether it is missing; the upload form for the project's
	 * officer and managers.
	 */
	@Component
	static class EvidenceSection implements ProjectPageSection {

		private final EvidenceFiles evidence;

		private final EvidenceRules rules;

		private final AccessPolicy access;

		EvidenceSection(EvidenceFiles evidence, EvidenceRules rules, AccessPolicy access) {
			this.evidence = evidence;
			this.rules = rules;
			this.access = access;
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
			List<EvidenceFile> files = evidence.forProject(project.id());
			Map<Stage, Long> perStage = files.stream()
				.collect(Collectors.groupingBy(EvidenceFile::stage, Collectors.counting()));
			List<EvidenceRequirement> required = rules.all(user)
				.stream()
				.filter(EvidenceRule::required)
				.map(r -> new EvidenceRequirement(r.stage(), perStage.getOrDefault(r.stage(), 0L)))
				.toList();
			model.addAttribute("evidenceFiles", files);
			model.addAttribute("evidenceRequired", required);
			model.addAttribute("evidenceMissing",
					required.stream().filter(EvidenceRequirement::missing).map(EvidenceRequirement::stage).toList());
			model.addAttribute("canAddEvidence", access.canWork(user, project.officer()));
			model.addAttribute("evidenceStages", Stage.values());
			// the stage a file is most likely for: the one the project steps into next
			model.addAttribute("evidenceStage", project.stage().next().orElse(project.stage()));
			return true;
		}

	}

}

package com.investtrack.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

import com.investtrack.common.Stage;

/**
 * The supervision forms of the project page and the notices page. They are checked by the
 * services (which name the field of any bad input), so the forms carry no rules of their
 * own.
 */
final class SupervisionForms {

	private SupervisionForms() {
	}

	/** A progress entry. */
	public static class Progress {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate on;

		private String progress;

		private String problems;

		private String nextSteps;

		public LocalDate getOn() {
			return on;
		}

		public void setOn(LocalDate on) {
			this.on = on;
		}

		public String getProgress() {
			return progress;
		}

		public void setProgress(String progress) {
			this.progress = progress;
		}

		public String getProblems() {
			return problems;
		}

		public void setProblems(String problems) {
			this.problems = problems;
		}

		public String getNextSteps() {
			return nextSteps;
		}

		public void setNextSteps(String nextSteps) {
			this.nextSteps = nextSteps;
		}

	}

	/** A new supervision notice about the project whose page it is on. */
	public static class Issue {

		private String owner;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate deadline;

		private String text;

		public String getOwner() {
			return owner;
		}

		public void setOwner(String owner) {
			this.owner = owner;
		}

		public LocalDate getDeadline() {
			return deadline;
		}

		public void setDeadline(LocalDate deadline) {
			this.deadline = deadline;
		}

		public String getText() {
			return text;
		}

		public void setText(String text) {
			this.text = text;
		}

	}

	/** A reply, or a manager's comment when closing or sending back. */
	public static class Text {

		private String text;

		public String getText() {
			return text;
		}

		public void setText(String text) {
			this.text = text;
		}

	}

	/** An evidence file of one of the project's milestones (multipart). */
	public static class Evidence {

		private Stage stage;

		private MultipartFile file;

		public Stage getStage() {
			return stage;
		}

		public void setStage(Stage stage) {
			this.stage = stage;
		}

		public MultipartFile getFile() {
			return file;
		}

		public void setFile(MultipartFile file) {
			this.file = file;
		}

	}

}

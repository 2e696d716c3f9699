package com.investtrack.web;

import org.springframework.ui.Model;

import com.investtrack.lifecycle.ProjectView;
import com.investtrack.security.CurrentUser;

/**
 * One feature's part of the project page (the plan, the progress log, evidence,
 * fulfilment, ...). Every bean of this type is asked on each project page and, if it has
 * something to show this user, renders its own fragment in the main or the side column;
 * so a feature adds a section without touching the page's controller or template.
 */
interface ProjectPageSection {

	enum Column {

		MAIN, SIDE

	}

	Column column();

	/** Orders the sections of one column: lower first. */
	int order();

	/** The fragment that renders the section, e.g. {@code fragments/plan :: section}. */
	String fragment();

	/**
	 * Adds what the fragment reads to the model; false leaves the section out for this
	 * user and project.
	 */
	boolean addTo(Model model, ProjectView project, CurrentUser user);

}

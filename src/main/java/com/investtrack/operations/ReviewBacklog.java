package com.investtrack.operations;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import com.investtrack.lifecycle.ProcessConstants;

/**
 * The open reviews of stalled projects. Today a review is the model's "Review stalled project" user task
 * ({@code ReviewStalled_STAGE}); when reviews become rows of their own, this one method is what changes.
 */
@Component
class ReviewBacklog {

	private final TaskService tasks;

	ReviewBacklog(TaskService tasks) {
		this.tasks = tasks;
	}

	long open() {
		return tasks.createTaskQuery()
			.taskDefinitionKeyLike(ProcessConstants.REVIEW_TASK_PREFIX + "%")
			.active()
			.count();
	}

}

/**
 * Reviews of red projects: the light sweep (a periodic engine timer job on one node)
 * opens a "Review stalled project" task in the managers' inbox for each red project, each
 * in its own small process instance ({@code bpmn/stalled-project-review.bpmn}), and
 * closes it when the project is no longer red; a manager may acknowledge it instead. At
 * most one active review per project.
 */
package com.investtrack.review;

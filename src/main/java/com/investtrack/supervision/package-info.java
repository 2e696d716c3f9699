/**
 * Supervision: the progress log of each project (the "no progress" light counts from its
 * latest entry) and supervision notices (督办单), each its own small process instance
 * ({@code bpmn/supervision-notice.bpmn}) whose timers raise the notice's level while its
 * owner does not reply, never inside the project's own instance; and evidence files of a
 * project's milestones with the rules that require them before a step
 * ({@link com.investtrack.supervision.EvidenceRules}, asked by the lifecycle).
 */
package com.investtrack.supervision;

/**
 * The glue between the BPMN model and the domain: starting a project's process,
 * completing stage tasks as the authenticated user, the thin delegates and listeners the
 * model names, the stage thresholds and the health they imply.
 */
package com.investtrack.lifecycle;

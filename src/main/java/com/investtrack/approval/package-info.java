/**
 * Approval requests and decisions, the inbox of tasks waiting for a user, and the
 * four-eyes rule.
 */
package com.investtrack.approval;

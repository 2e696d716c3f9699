/**
 * What keeps a node serviceable and lets an operator watch it: writes that lost a lock
 * conflict run again with back-off, and the metrics Prometheus scrapes at
 * /actuator/prometheus (steps by kind and outcome, conflicts and retries, 503 answers,
 * the approval and review backlog, the job executor). docs/operations.md lists them.
 */
package com.investtrack.operations;

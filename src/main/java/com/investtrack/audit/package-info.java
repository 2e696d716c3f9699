/**
 * The append-only, hash-chained audit trail: every change, who made it and when, and the
 * check that nothing was altered.
 */
package com.investtrack.audit;

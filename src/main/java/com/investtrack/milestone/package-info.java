/**
 * Effective-dated milestones: one row per stage reached, and the rules their dates obey.
 */
package com.investtrack.milestone;

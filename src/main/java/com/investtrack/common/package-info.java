/**
 * The few types every module shares: the stage vocabulary and the exceptions that become
 * 4xx answers.
 */
package com.investtrack.common;

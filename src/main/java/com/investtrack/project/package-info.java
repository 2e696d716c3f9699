/**
 * Projects, parks and industries: what a project is, who owns it, and how lists of
 * projects are found.
 */
package com.investtrack.project;

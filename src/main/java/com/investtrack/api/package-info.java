/**
 * The JSON API: request and response records, controllers, and the mapping of every
 * failure to a clear 4xx.
 */
package com.investtrack.api;

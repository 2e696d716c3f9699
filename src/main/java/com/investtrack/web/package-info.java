/**
 * The server-rendered pages: Thymeleaf controllers over the domain services, one layout,
 * messages in English and Simplified Chinese. Pages only offer what the user may do; the
 * services check every write again.
 */
package com.investtrack.web;

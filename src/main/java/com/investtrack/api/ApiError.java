package com.investtrack.api;

import java.util.Map;

/**
 * The body of every error answer: a code, a sentence for humans, and the reason per field
 * where fields were wrong.
 */
record ApiError(String error, String message, Map<String, String> fields) {
}

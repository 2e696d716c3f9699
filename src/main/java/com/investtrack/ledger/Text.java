package com.investtrack.ledger;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What bureaus type, made comparable: full-width forms to half-width (NFKC), no spaces of
 * any width.
 */
final class Text {

	/** Compiled once: every cell of a ledger passes here. */
	private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000]+");

	/** The text in half-width forms without any whitespace; null for null. */
	static String normalise(String text) {
		if (text == null) {
			return null;
		}
		return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
	}

	/** A name or investor as matching compares it: normalised and in lower case. */
	static String key(String text) {
		String normalised = normalise(text);
		return normalised == null ? "" : normalised.toLowerCase();
	}

	/**
	 * A cell's text trimmed of every kind of space at both ends; null when nothing is
	 * left.
	 */
	static String trimmed(String text) {
		if (text == null) {
			return null;
		}
		int start = 0;
		int end = text.length();
		while (start < end && space(text.charAt(start))) {
			start++;
		}
		while (end > start && space(text.charAt(end - 1))) {
			end--;
		}
		return start == end ? null : text.substring(start, end);
	}

	/** What {@code \s} matches in a pattern, and the no-break and ideographic spaces. */
	private static boolean space(char c) {
		return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00a0' || c == '\u3000';
	}

	private Text() {
	}

}

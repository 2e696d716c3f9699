package com.investtrack.ledger;

import java.text.Normalizer;

/**
 * What bureaus type, made comparable: full-width forms to half-width (NFKC), no spaces of
 * any width.
 */
final class Text {

	/** The text in half-width forms without any whitespace; null for null. */
	static String normalise(String text) {
		if (text == null) {
			return null;
		}
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u00a0\\u3000]+", "");
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
		String t = text.replaceAll("^[\\s\\u00a0\\u3000]+|[\\s\\u00a0\\u3000]+$", "");
		return t.isEmpty() ? null : t;
	}

	private Text() {
	}

}

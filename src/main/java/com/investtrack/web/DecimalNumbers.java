package com.investtrack.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids, page numbers and other whole numbers in addresses and forms are plain decimal
 * numbers, for every controller, pages and API alike. Spring's default number editor also
 * reads "0x10" and "#10" as hexadecimal, so an odd-looking address would quietly name
 * another project; a conversion service cannot prevent that, because the binder falls
 * back to the default editor when a converter refuses. A custom editor is asked first and
 * its refusal stands (a 4xx).
 */
@ControllerAdvice
class DecimalNumbers {

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

	@InitBinder
	void decimalOnly(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new Decimal<>(Long::valueOf, false));
		binder.registerCustomEditor(Long.class, new Decimal<>(Long::valueOf, true));
		binder.registerCustomEditor(int.class, new Decimal<>(Integer::valueOf, false));
		binder.registerCustomEditor(Integer.class, new Decimal<>(Integer::valueOf, true));
	}

	private static final class Decimal<T extends Number> extends PropertyEditorSupport {

		private final Function<String, T> parse;

		private final boolean allowEmpty;

		Decimal(Function<String, T> parse, boolean allowEmpty) {
			this.parse = parse;
			this.allowEmpty = allowEmpty;
		}

		@Override
		public void setAsText(String text) {
			String stripped = text == null ? "" : text.strip();
			if (stripped.isEmpty() && allowEmpty) {
				setValue(null);
				return;
			}
			if (!DECIMAL.matcher(stripped).matches()) {
				throw new IllegalArgumentException("not a decimal number");
			}
			// out of range throws NumberFormatException, an IllegalArgumentException too
			setValue(parse.apply(stripped));
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return value == null ? "" : value.toString();
		}

	}

}

package com.investtrack.project;

import java.util.regex.Pattern;

/**
 * The formats of the codes a project record carries, checked wherever a record is written
 * (form, API, ledger).
 */
public final class Identifiers {

	/**
	 * The bureau's own ledger number: letters, digits and a few separators, as ledgers
	 * write them.
	 */
	public static final Pattern LEDGER_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$");

	/**
	 * 全国投资项目在线审批监管平台 project code: year, six-digit administrative division, two-digit
	 * industry and project type, six-digit serial, e.g. 2024-420802-36-03-012345.
	 */
	public static final Pattern NATIONAL_CODE = Pattern.compile("^(19|20)\\d{2}-\\d{6}-\\d{2}-\\d{2}-\\d{6}$");

	/**
	 * The characters of a 统一社会信用代码, in the order of their values (GB 32100-2015: no I, O,
	 * S, V, Z).
	 */
	private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CREDIT_CODE_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/**
	 * Whether {@code code} is a well-formed 统一社会信用代码: 18 characters of the code's
	 * alphabet whose last one is the check character GB 32100-2015 computes from the
	 * first 17 (31 minus the weighted sum modulo 31).
	 */
	public static boolean isValidCreditCode(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = CREDIT_CODE_CHARACTERS.indexOf(code.charAt(i));
			if (value < 0) {
				return false;
			}
			sum += value * CREDIT_CODE_WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return code.charAt(17) == CREDIT_CODE_CHARACTERS.charAt(check);
	}

	private Identifiers() {
	}

}

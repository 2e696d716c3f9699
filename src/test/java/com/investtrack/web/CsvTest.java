package com.investtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

	@Test
	void cellsAreQuotedWhereNeededAndFormulasAreDefused() {
		assertThat(Csv.cell(null)).isEmpty();
		assertThat(Csv.cell(12.5)).isEqualTo("12.5");
		assertThat(Csv.cell("plain")).isEqualTo("plain");
		assertThat(Csv.cell("a, b")).isEqualTo("\"a, b\"");
		assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(Csv.cell("+1")).isEqualTo("\"'+1\"");
		assertThat(Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
		assertThat(Csv.cell("\t=1+1")).isEqualTo("\"'\t=1+1\"");
		assertThat(Csv.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
		assertThat(Csv.cell("园区")).isEqualTo("园区");
		assertThat(Csv.cell("a=b")).as("only a leading character starts a formula").isEqualTo("a=b");
	}

	@Test
	void numbersStayNumbersEvenNegativeButTextThatLooksLikeOneIsDefused() {
		assertThat(Csv.cell(-3)).isEqualTo("-3");
		assertThat(Csv.cell(new java.math.BigDecimal("-12.50"))).isEqualTo("-12.50");
		assertThat(Csv.cell(-0.5d)).isEqualTo("-0.5");
		assertThat(Csv.cell("-1")).as("text in a text column stays text").isEqualTo("\"'-1\"");
		assertThat(Csv.cell("-1+cmd|' /C calc'!A0")).isEqualTo("\"'-1+cmd|' /C calc'!A0\"");
	}

	@Test
	void aTableStartsWithTheByteOrderMarkAndEndsLinesWithCrLf() {
		String text = new Csv().row("a", null, 1).row("b", "c", 2.0).toString();
		assertThat(text).isEqualTo("\uFEFFa,,1\r\nb,c,2.0\r\n");
	}

}

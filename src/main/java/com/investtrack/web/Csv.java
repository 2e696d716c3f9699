package com.investtrack.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A CSV table for Excel: UTF-8 with a byte-order mark (so Chinese opens right), CRLF
 * lines, quoted where needed. Text that a spreadsheet would run as a formula (beginning
 * with =, +, -, @, a tab or a carriage return) is defused as OWASP recommends: a single
 * quote before it, the whole field in double quotes. Numbers are written as numbers, also
 * negative ones (days late -3): a number cannot be a formula, and a quote would turn the
 * column into text. Text is defused whatever it looks like, so a name typed as "-5" stays
 * the text it was.
 */
final class Csv {

	private final StringBuilder text = new StringBuilder("\uFEFF");

	/** Where rows go as they are written, for {@link #streaming}; null: kept in text. */
	private final Writer out;

	Csv() {
		this.out = null;
	}

	private Csv(Writer out) {
		this.out = out;
	}

	/**
	 * A table written straight to the answer, row by row, for downloads of every project:
	 * memory stays a buffer's worth whatever the number of rows (the headers are set
	 * here, before the first byte). {@link #finish} flushes it.
	 */
	static Csv streaming(HttpServletResponse response, String filename) throws IOException {
		response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				65536);
		writer.write('\uFEFF');
		return new Csv(writer);
	}

	Csv row(List<?> cells) {
		StringBuilder line = out == null ? text : new StringBuilder(256);
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(cell(cells.get(i)));
		}
		line.append("\r\n");
		if (out != null) {
			try {
				out.append(line);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this;
	}

	/** The rest of a streaming table to the answer. */
	void finish() throws IOException {
		out.flush();
	}

	Csv row(Object... cells) {
		return row(Arrays.asList(cells));
	}

	ResponseEntity<byte[]> download(String filename) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return text.toString();
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		String s = value.toString();
		boolean formula = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
		if (formula) {
			s = "'" + s;
		}
		if (formula || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
			s = '"' + s.replace("\"", "\"\"") + '"';
		}
		return s;
	}

}

package com.investtrack.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A ledger saved as .csv: UTF-8 (with or without its byte order mark) or, when it is not
 * valid UTF-8, GB18030 (what WPS and older Excel save in China). Quoted fields may hold
 * commas, quotes ("") and line breaks. Every cell is text.
 */
final class CsvReader {

	private static final Charset GB18030 = Charset.forName("GB18030");

	static List<List<Object>> rows(byte[] content) {
		String text = decode(content);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<List<Object>> rows = new ArrayList<>();
		List<Object> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(Text.trimmed(cell.toString()));
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(Text.trimmed(cell.toString()));
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				if (rows.size() > SheetReader.MAX_ROWS + 10) {
					throw SheetReader.refused("has more than " + SheetReader.MAX_ROWS + " rows: split the ledger");
				}
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !row.isEmpty()) {
			row.add(Text.trimmed(cell.toString()));
			rows.add(row);
		}
		return rows;
	}

	private static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, GB18030);
		}
	}

	private CsvReader() {
	}

}

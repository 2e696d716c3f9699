package com.investtrack.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a file is, told by its content, never by its name: PDF, JPEG and PNG by their
 * signatures; DOCX and XLSX as ZIP archives holding an Office content-types part and a
 * Word document or an Excel workbook. Anything else (a program, an SVG or HTML page that
 * could carry a script) has no kind.
 */
final class FileKinds {

	static final String PDF = "application/pdf";

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	/**
	 * Entries read at most before giving up on an archive that is not an Office document.
	 */
	private static final int MAX_ENTRIES = 10_000;

	private FileKinds() {
	}

	/** The content type of the file, or empty if it is none of the accepted kinds. */
	static Optional<String> of(EvidenceFiles.Content file) throws IOException {
		byte[] head;
		try (InputStream in = file.open()) {
			head = in.readNBytes(8);
		}
		if (startsWith(head, PDF_MAGIC)) {
			return Optional.of(PDF);
		}
		if (startsWith(head, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(head, ZIP_MAGIC)) {
			return office(file);
		}
		return Optional.empty();
	}

	private static Optional<String> office(EvidenceFiles.Content file) throws IOException {
		Set<String> names = new HashSet<>();
		try (ZipInputStream zip = new ZipInputStream(file.open())) {
			ZipEntry e;
			int n = 0;
			while ((e = zip.getNextEntry()) != null && n++ < MAX_ENTRIES) {
				names.add(e.getName());
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (!names.contains("[Content_Types].xml")) {
			return Optional.empty();
		}
		if (names.contains("word/document.xml")) {
			return Optional.of(DOCX);
		}
		if (names.contains("xl/workbook.xml")) {
			return Optional.of(XLSX);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] head, byte[] magic) {
		return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
	}

}

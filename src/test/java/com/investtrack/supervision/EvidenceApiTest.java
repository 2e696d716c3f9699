package com.investtrack.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.investtrack.support.ApiTestBase;
import com.investtrack.support.TestData;

/**
 * Evidence files through the API: an upload told by its content (PDF, JPEG, PNG, DOCX,
 * XLSX), its SHA-256 answered and audited, a download as an attachment with the same
 * bytes; who may add; every bad file refused naming the field with nothing written.
 */
class EvidenceApiTest extends ApiTestBase {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Test
	void theOfficerUploadsAPdfAndEveryoneDownloadsTheSameBytesAsAnAttachment() throws Exception {
		long project = createProject("officer", today().minusDays(10));

		Response r = uploadEvidence("officer", project, "SIGNING", "agreement.pdf", PDF);

		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		assertThat(r.body().get("name").asText()).isEqualTo("agreement.pdf");
		assertThat(r.body().get("size").asLong()).isEqualTo(PDF.length);
		assertThat(r.body().get("contentType").asText()).isEqualTo("application/pdf");
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
		assertThat(r.body().get("sha256").asText()).isEqualTo(sha);
		long id = r.body().get("id").asLong();

		ResponseEntity<byte[]> file = download("leader", id);
		assertThat(file.getStatusCode().value()).isEqualTo(200);
		assertThat(file.getBody()).isEqualTo(PDF);
		assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
			.contains("agreement.pdf");
		assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(get("auditor", "/api/projects/" + project + "/evidence").body().get(0).get("id").asLong())
			.isEqualTo(id);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE project_id = ? AND action = 'EVIDENCE_ADDED' "
				+ "AND details LIKE ?", project, "%sha256=" + sha))
			.isEqualTo(1);
		assertAuditChainIntact();
	}

	@Test
	void aLargeFileIsStoredInChunksAndComesBackWhole() {
		long project = createProject("officer", today().minusDays(10));
		byte[] big = new byte[1_300_000];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		for (int i = PDF.length; i < big.length; i++) {
			big[i] = (byte) (i * 31);
		}

		Response r = uploadEvidence("manager", project, "SIGNING", "scan.pdf", big);

		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		assertThat(count("SELECT COUNT(*) FROM evidence_chunk WHERE evidence_id = ?", r.body().get("id").asLong()))
			.isEqualTo(3);
		assertThat(download("officer", r.body().get("id").asLong()).getBody()).isEqualTo(big);
	}

	@Test
	void imagesAndOfficeDocumentsAreToldByTheirContent() throws IOException {
		long project = createProject("officer", today().minusDays(10));

		assertThat(type(uploadEvidence("officer", project, "SIGNING", "photo.jpg",
				new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16 })))
			.isEqualTo("image/jpeg");
		assertThat(type(uploadEvidence("officer", project, "SIGNING", "site.png",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0 })))
			.isEqualTo("image/png");
		assertThat(type(uploadEvidence("officer", project, "SIGNING", "contract.docx", office("word/document.xml"))))
			.isEqualTo(FileKinds.DOCX);
		assertThat(type(uploadEvidence("officer", project, "SIGNING", "ledger.xlsx", office("xl/workbook.xml"))))
			.isEqualTo(FileKinds.XLSX);
	}

	@Test
	void badFilesAreRefusedNamingTheFieldAndNothingIsWritten() throws IOException {
		long project = createProject("officer", today().minusDays(10));
		long before = count("SELECT COUNT(*) FROM evidence_file");

		assertRefused(
				uploadEvidence("officer", project, "SIGNING", "setup.pdf", new byte[] { 'M', 'Z', (byte) 0x90, 0 }),
				"file");
		assertRefused(
				uploadEvidence("officer", project, "SIGNING", "plan.pdf",
						"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes()),
				"file");
		assertRefused(uploadEvidence("officer", project, "SIGNING", "page.pdf",
				"<html><script>alert(1)</script></html>".getBytes()), "file");
		assertRefused(uploadEvidence("officer", project, "SIGNING", "empty.pdf", new byte[0]), "file");
		assertRefused(uploadEvidence("officer", project, "SIGNING", "archive.docx", office("other.xml")), "file");
		byte[] tooBig = new byte[(int) EvidenceFiles.MAX_BYTES + 1];
		System.arraycopy(PDF, 0, tooBig, 0, PDF.length);
		assertThat(
				assertError(uploadEvidence("officer", project, "SIGNING", "huge.pdf", tooBig), 413, "payload_too_large")
					.has("file"))
			.isTrue();
		assertRefused(uploadEvidence("officer", project, "SIGNING", "../../etc/passwd.pdf", PDF), "file");
		assertRefused(uploadEvidence("officer", project, "SIGNING", "bell\u0007.pdf", PDF), "file");
		assertRefused(uploadEvidence("officer", project, "NOT_A_STAGE", "agreement.pdf", PDF), "stage");

		assertThat(count("SELECT COUNT(*) FROM evidence_file")).isEqualTo(before);
	}

	@Test
	void onlyTheProjectsOfficerAndManagersAddEvidence() {
		long project = createProject("officer", today().minusDays(10));

		assertThat(uploadEvidence("officer2", project, "SIGNING", "a.pdf", PDF).status()).isEqualTo(403);
		assertThat(uploadEvidence("auditor", project, "SIGNING", "a.pdf", PDF).status()).isEqualTo(403);
		assertThat(uploadEvidence("leader", project, "SIGNING", "a.pdf", PDF).status()).isEqualTo(403);
		assertThat(uploadEvidence(null, project, "SIGNING", "a.pdf", PDF).status()).isEqualTo(401);
		assertThat(get("officer", "/api/projects/" + project + "/evidence").body()).isEmpty();
		assertThat(get("officer", "/api/evidence/999999999").status()).isEqualTo(404);
	}

	private ResponseEntity<byte[]> download(String user, long id) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, TestData.PASSWORD);
		return rest.exchange("/api/evidence/" + id, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
	}

	private void assertRefused(Response r, String field) {
		assertThat(assertError(r, 400, "invalid_input").has(field)).as(r.raw()).isTrue();
	}

	private static String type(Response r) {
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().get("contentType").asText();
	}

	/** A ZIP archive with an Office content-types part and the given entry. */
	private static byte[] office(String entry) throws IOException {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			for (String name : new String[] { "[Content_Types].xml", entry }) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}

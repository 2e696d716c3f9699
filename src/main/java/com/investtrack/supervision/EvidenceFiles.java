package com.investtrack.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.InvalidInputException;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.Stage;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectService;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * Evidence files of a project's milestones: PDF, JPEG, PNG, DOCX and XLSX only, told by
 * their content; at most {@link #MAX_BYTES}; a plain file name. Stored in the shared
 * database (any node serves any file), their SHA-256 in the audit trail.
 */
@Service
public class EvidenceFiles {

	public static final long MAX_BYTES = 20L * 1024 * 1024;

	static final int CHUNK_BYTES = 512 * 1024;

	private final EvidenceRepository files;

	private final ProjectService projects;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	EvidenceFiles(EvidenceRepository files, ProjectService projects, AccessPolicy access, AuditTrail audit,
			Clock clock) {
		this.files = files;
		this.projects = projects;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * An upload as the caller sent it; {@code open} gives its content afresh each time.
	 */
	public record Upload(String name, long size, Content open) {
	}

	/**
	 * Opens a file's content afresh (an upload is read twice: to tell its kind, then to
	 * store it).
	 */
	@FunctionalInterface
	public interface Content {

		InputStream open() throws IOException;

	}

	@Transactional
	public EvidenceFile add(long projectId, Stage stage, Upload upload, CurrentUser user) {
		Project project = projects.lock(projectId).orElseThrow(() -> new NotFoundException("No project " + projectId));
		access.checkCanAddEvidence(user, project.officer());
		if (stage == null) {
			throw new InvalidInputException("stage", "is required");
		}
		String name = checkedName(upload.name());
		if (upload.size() <= 0) {
			throw new InvalidInputException("file", "is empty");
		}
		if (upload.size() > MAX_BYTES) {
			throw new InvalidInputException("file", "must be at most 20 MB");
		}
		String type;
		try {
			type = FileKinds.of(upload.open())
				.orElseThrow(() -> new InvalidInputException("file", "must be a PDF, JPEG, PNG, DOCX or XLSX file"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Instant now = Instant.now(clock);
		long id = files.insert(projectId, stage, name, type, user.username(), now);
		MessageDigest sha = sha256();
		long size = 0;
		try (InputStream in = upload.open().open()) {
			int seq = 0;
			byte[] chunk;
			while ((chunk = in.readNBytes(CHUNK_BYTES)).length > 0) {
				size += chunk.length;
				if (size > MAX_BYTES) {
					throw new InvalidInputException("file", "must be at most 20 MB");
				}
				sha.update(chunk);
				files.insertChunk(id, seq++, chunk);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String hash = HexFormat.of().formatHex(sha.digest());
		files.finish(id, size, hash);
		audit.append(AuditEvent.of(user.username(), AuditAction.EVIDENCE_ADDED, projectId)
			.stages(stage, null)
			.details(name + " (" + type + ", " + size + " bytes) sha256=" + hash));
		return files.find(id).orElseThrow();
	}

	/**
	 * The file's facts; everyone signed in reads a project's evidence, like the project.
	 */
	public EvidenceFile get(long id, CurrentUser user) {
		access.checkCanReadEvidence(user);
		return files.find(id).orElseThrow(() -> new NotFoundException("No evidence file " + id));
	}

	/** Writes the file's content to {@code out}, chunk by chunk. */
	@Transactional(readOnly = true)
	public void copy(long id, OutputStream out) throws IOException {
		files.copy(id, out);
	}

	public List<EvidenceFile> forProject(long projectId) {
		projects.find(projectId).orElseThrow(() -> new NotFoundException("No project " + projectId));
		return files.forProject(projectId);
	}

	/**
	 * A plain file name: no path, no parent directory, no control characters, at most 200
	 * characters.
	 */
	static String checkedName(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidInputException("file", "needs a file name");
		}
		boolean control = raw.chars().anyMatch(Character::isISOControl);
		if (control || raw.contains("/") || raw.contains("\\") || raw.contains("..") || raw.length() > 200
				|| Arrays.asList(".", "..").contains(raw.strip())) {
			throw new InvalidInputException("file",
					"the file name must be a plain name of at most 200 characters, without a path or control "
							+ "characters");
		}
		return raw.strip();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

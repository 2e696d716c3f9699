package com.investtrack.bulletin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investtrack.audit.AuditAction;
import com.investtrack.audit.AuditEvent;
import com.investtrack.audit.AuditTrail;
import com.investtrack.common.ConflictException;
import com.investtrack.common.NotFoundException;
import com.investtrack.security.AccessPolicy;
import com.investtrack.security.CurrentUser;

/**
 * Publishing a month's bulletin freezes it: its JSON is stored as computed at that moment
 * and never recomputed, its SHA-256 goes into the audit trail in the same transaction,
 * and a month is published once (the primary key of bulletin_published decides between
 * two managers on two nodes). Entries back-dated into the month afterwards change only
 * the fresh bulletin.
 */
@Service
public class BulletinPublications {

	private final BulletinService bulletins;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	BulletinPublications(BulletinService bulletins, JdbcClient jdbc, ObjectMapper json, AccessPolicy access,
			AuditTrail audit, Clock clock) {
		this.bulletins = bulletins;
		this.jdbc = jdbc;
		this.json = json;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Publishes the bulletin of 1–{@code month}月 (managers); a month already published is
	 * a 409.
	 */
	@Transactional
	public PublishedBulletin publish(int year, int month, CurrentUser user) {
		access.checkCanSetTargets(user);
		bulletins.check(year, month);
		if (find(year, month).isPresent()) {
			throw alreadyPublished(year, month);
		}
		String body;
		try {
			body = json.writeValueAsString(bulletins.compute(year, month));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		String sha256 = sha256(body);
		Instant now = Instant.now(clock);
		try {
			jdbc.sql("""
					INSERT INTO bulletin_published (bulletin_year, bulletin_month, body, sha256, published_by,
					  published_at) VALUES (?, ?, ?, ?, ?, ?)""")
				.params(year, month, body, sha256, user.username(), Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw alreadyPublished(year, month);
		}
		audit.append(AuditEvent.of(user.username(), AuditAction.BULLETIN_PUBLISHED, null)
			.effectiveOn(LocalDate.of(year, month, 1))
			.details("bulletin " + year + "-" + (month < 10 ? "0" : "") + month + "; sha256=" + sha256));
		return new PublishedBulletin(year, month, now, user.username(), sha256, body);
	}

	/** The published bulletin of a month, as stored; every role reads it. */
	public PublishedBulletin published(int year, int month, CurrentUser user) {
		access.checkCanReadReports(user);
		bulletins.check(year, month);
		return find(year, month).orElseThrow(
				() -> new NotFoundException("The bulletin of " + year + "-" + month + " has not been published"));
	}

	/** Whether a month's bulletin has been published, and its record if so. */
	public Optional<PublishedBulletin> find(int year, int month) {
		return jdbc.sql("""
				SELECT body, sha256, published_by, published_at FROM bulletin_published
				WHERE bulletin_year = ? AND bulletin_month = ?""")
			.params(year, month)
			.query((rs, n) -> new PublishedBulletin(year, month, rs.getTimestamp(4).toInstant(), rs.getString(3),
					rs.getString(2), rs.getString(1)))
			.optional();
	}

	private static ConflictException alreadyPublished(int year, int month) {
		return new ConflictException("The bulletin of " + year + "-" + month + " is already published");
	}

	static String sha256(String body) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

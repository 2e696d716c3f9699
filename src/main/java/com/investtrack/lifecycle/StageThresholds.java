package com.investtrack.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.investtrack.common.Stage;
import com.investtrack.project.Health;
import com.investtrack.project.HealthCutoffs;

/**
 * Yellow and red thresholds per stage, and the two things computed from them: the timers' due dates and the health
 * shown to users. Both count whole days from the stage's effective entry date, so the light and the timer agree.
 */
@Component
public class StageThresholds {

	/** Days after entering a stage at which it turns yellow and red. */
	public record Threshold(Stage stage, int yellowDays, int redDays) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	StageThresholds(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Every stage's thresholds. Within a transaction they are read once: a step needs them for its timers and again for
	 * the health in its answer.
	 */
	@SuppressWarnings("unchecked")
	public Map<Stage, Threshold> all() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return load();
		}
		Object memo = TransactionSynchronizationManager.getResource(this);
		if (memo != null) {
			return (Map<Stage, Threshold>) memo;
		}
		Map<Stage, Threshold> loaded = load();
		TransactionSynchronizationManager.bindResource(this, loaded);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void suspend() {
				TransactionSynchronizationManager.unbindResourceIfPossible(StageThresholds.this);
			}

			@Override
			public void resume() {
				TransactionSynchronizationManager.bindResource(StageThresholds.this, loaded);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(StageThresholds.this);
			}

		});
		return loaded;
	}

	private Map<Stage, Threshold> load() {
		Map<Stage, Threshold> map = new EnumMap<>(Stage.class);
		jdbc.sql("SELECT stage, yellow_days, red_days FROM stage_threshold")
			.query((rs, n) -> new Threshold(Stage.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
			.list()
			.forEach(t -> map.put(t.stage(), t));
		return Collections.unmodifiableMap(map);
	}

	public void update(Threshold threshold) {
		jdbc.sql("UPDATE stage_threshold SET yellow_days = ?, red_days = ? WHERE stage = ?")
			.params(threshold.yellowDays(), threshold.redDays(), threshold.stage().name())
			.update();
		// the transaction's next read sees the change
		TransactionSynchronizationManager.unbindResourceIfPossible(this);
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public Health health(Stage stage, LocalDate enteredOn, boolean active, Map<Stage, Threshold> thresholds) {
		Threshold t = thresholds.get(stage);
		if (!active || t == null) {
			return Health.GREEN;
		}
		LocalDate today = today();
		if (!enteredOn.plusDays(t.redDays()).isAfter(today)) {
			return Health.RED;
		}
		if (!enteredOn.plusDays(t.yellowDays()).isAfter(today)) {
			return Health.YELLOW;
		}
		return Health.GREEN;
	}

	public HealthCutoffs cutoffs() {
		LocalDate today = today();
		Map<Stage, HealthCutoffs.Cutoff> map = new EnumMap<>(Stage.class);
		all().values()
			.forEach(t -> map.put(t.stage(),
					new HealthCutoffs.Cutoff(today.minusDays(t.yellowDays()), today.minusDays(t.redDays()))));
		return new HealthCutoffs(map);
	}

	/** Start of the day on which a stage entered on {@code enteredOn} reaches {@code days}: the timer's due date. */
	public Date dueDate(LocalDate enteredOn, int days) {
		ZoneId zone = clock.getZone();
		return Date.from(enteredOn.plusDays(days).atStartOfDay(zone).toInstant());
	}

}

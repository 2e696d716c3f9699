package com.investtrack.plan;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.investtrack.calendar.DayUnit;
import com.investtrack.common.Stage;

/**
 * The stage thresholds as stored; read once per transaction, since a step needs them
 * again for its answer.
 */
@Component
class Thresholds {

	private final JdbcClient jdbc;

	Thresholds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@SuppressWarnings("unchecked")
	Map<Stage, Threshold> all() {
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
				TransactionSynchronizationManager.unbindResourceIfPossible(Thresholds.this);
			}

			@Override
			public void resume() {
				TransactionSynchronizationManager.bindResource(Thresholds.this, loaded);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(Thresholds.this);
			}

		});
		return loaded;
	}

	private Map<Stage, Threshold> load() {
		Map<Stage, Threshold> map = new EnumMap<>(Stage.class);
		jdbc.sql("SELECT stage, yellow_days, red_days, unit, late_yellow_days, late_red_days FROM stage_threshold")
			.query((rs, n) -> new Threshold(Stage.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3),
					DayUnit.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6)))
			.list()
			.forEach(t -> map.put(t.stage(), t));
		return Collections.unmodifiableMap(map);
	}

	void update(Threshold t) {
		jdbc.sql("""
				UPDATE stage_threshold SET yellow_days = ?, red_days = ?, unit = ?, late_yellow_days = ?,
				  late_red_days = ? WHERE stage = ?""")
			.params(t.yellowDays(), t.redDays(), t.unit().name(), t.lateYellowDays(), t.lateRedDays(), t.stage().name())
			.update();
		// the transaction's next read sees the change
		TransactionSynchronizationManager.unbindResourceIfPossible(this);
	}

}

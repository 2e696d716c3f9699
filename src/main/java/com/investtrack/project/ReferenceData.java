package com.investtrack.project;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Parks and industries: small, rarely changing lists every form and filter needs. */
@Repository
public class ReferenceData {

	private final JdbcClient jdbc;

	ReferenceData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Park> parks() {
		return jdbc.sql("SELECT code, name, district FROM park ORDER BY code").query(Park.class).list();
	}

	public List<Industry> industries() {
		return jdbc.sql("SELECT code, name FROM industry ORDER BY code").query(Industry.class).list();
	}

	public Optional<Park> park(String code) {
		return jdbc.sql("SELECT code, name, district FROM park WHERE code = ?")
			.param(code)
			.query(Park.class)
			.optional();
	}

	public Optional<Industry> industry(String code) {
		return jdbc.sql("SELECT code, name FROM industry WHERE code = ?").param(code).query(Industry.class).optional();
	}

	public void addPark(Park park) {
		jdbc.sql("INSERT INTO park (code, name, district) VALUES (?, ?, ?)")
			.params(park.code(), park.name(), park.district())
			.update();
	}

	/**
	 * Locks the park's row until commit, so that concurrent changes to one park queue up.
	 */
	public Optional<Park> lockPark(String code) {
		return jdbc.sql("SELECT code, name, district FROM park WHERE code = ? FOR UPDATE")
			.param(code)
			.query(Park.class)
			.optional();
	}

	public void updatePark(Park park) {
		jdbc.sql("UPDATE park SET name = ?, district = ? WHERE code = ?")
			.params(park.name(), park.district(), park.code())
			.update();
	}

	public void addIndustry(Industry industry) {
		jdbc.sql("INSERT INTO industry (code, name) VALUES (?, ?)").params(industry.code(), industry.name()).update();
	}

}

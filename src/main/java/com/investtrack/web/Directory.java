package com.investtrack.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.investtrack.common.Role;
import com.investtrack.project.Industry;
import com.investtrack.project.Park;
import com.investtrack.project.ReferenceData;
import com.investtrack.security.UserAccount;
import com.investtrack.security.Accounts;

/**
 * The small lists every page needs to show names instead of codes: parks, industries and
 * people (officers, leaders).
 */
@Component
class Directory {

	/** What one page needs, read once per request. */
	record Names(List<Park> parks, List<Industry> industries, Map<String, String> parkNames,
			Map<String, String> industryNames, Map<String, String> userNames, List<UserAccount> officers,
			List<UserAccount> leaders) {

		public String park(String code) {
			return parkNames.getOrDefault(code, code);
		}

		public String industry(String code) {
			return industryNames.getOrDefault(code, code);
		}

		public String user(String username) {
			return username == null ? "" : userNames.getOrDefault(username, username);
		}

	}

	private final ReferenceData reference;

	private final Accounts users;

	private final Formats formats;

	Directory(ReferenceData reference, Accounts users, Formats formats) {
		this.reference = reference;
		this.users = users;
		this.formats = formats;
	}

	Names names() {
		List<Park> parks = reference.parks();
		List<Industry> industries = reference.industries();
		Map<String, String> parkNames = new LinkedHashMap<>();
		parks.forEach(p -> parkNames.put(p.code(), formats.park(p.code(), p.name())));
		Map<String, String> industryNames = new LinkedHashMap<>();
		industries.forEach(i -> industryNames.put(i.code(), formats.industry(i.code(), i.name())));
		List<UserAccount> accounts = users.all();
		Map<String, String> userNames = new LinkedHashMap<>();
		accounts.forEach(u -> userNames.put(u.username(), u.displayName()));
		List<UserAccount> officers = accounts.stream()
			.filter(u -> u.enabled() && u.roles().contains(Role.OFFICER))
			.toList();
		// 包保领导: the leaders a project can be put in the charge of
		List<UserAccount> leaders = accounts.stream()
			.filter(u -> u.enabled() && u.roles().contains(Role.LEADER))
			.toList();
		return new Names(parks, industries, parkNames, industryNames, userNames, officers, leaders);
	}

}

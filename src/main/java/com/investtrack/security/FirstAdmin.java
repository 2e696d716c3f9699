package com.investtrack.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The first administrator of an installation without users (the mysql profile has no demo
 * accounts): created on start from {@code app.admin.username} /
 * {@code app.admin.password} (environment APP_ADMIN_USERNAME / APP_ADMIN_PASSWORD) when
 * the user table is empty, and never again once any user exists.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final UserAdminService admin;

	private final String username;

	private final String password;

	FirstAdmin(UserAdminService admin, @Value("${app.admin.username:}") String username,
			@Value("${app.admin.password:}") String password) {
		this.admin = admin;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (username.isBlank() && password.isBlank()) {
			return;
		}
		if (username.isBlank() || password.isBlank()) {
			throw new IllegalStateException("Set both APP_ADMIN_USERNAME and APP_ADMIN_PASSWORD, or neither");
		}
		try {
			if (admin.createFirstAdmin(username, password)) {
				log.warn("Created the first administrator '{}'; remove APP_ADMIN_PASSWORD from the environment now",
						username);
			}
			else {
				log.info("Users exist already; APP_ADMIN_USERNAME/APP_ADMIN_PASSWORD are ignored and can be removed");
			}
		}
		catch (DuplicateKeyException ex) {
			log.info("Another node created the first administrator at the same moment");
		}
	}

}

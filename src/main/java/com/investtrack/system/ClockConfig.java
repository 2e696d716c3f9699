package com.investtrack.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Today" is the bureau's local day: every effective date and duration is counted in this
 * zone.
 */
@Configuration
class ClockConfig {

	@Bean
	Clock clock(@Value("${app.time-zone:Asia/Shanghai}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}

}

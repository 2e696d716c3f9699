package com.investtrack.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Enables the application's own periodic clean-ups (e.g. expired idempotency keys); the
 * engine has its own jobs.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {

}

package com.investtrack.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A plain Camunda 7 Spring Boot starter application, run by the benchmark as the baseline. */
@SpringBootApplication
public class BareStarterApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareStarterApplication.class, args);
	}

}

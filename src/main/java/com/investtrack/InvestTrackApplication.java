package com.investtrack;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class InvestTrackApplication {

	public static void main(String[] args) {
		SpringApplication.run(InvestTrackApplication.class, args);
	}

}

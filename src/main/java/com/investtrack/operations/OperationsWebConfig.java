package com.investtrack.operations;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link StepMetrics} in front of every controller, the API's and the pages'. */
@Configuration(proxyBeanMethods = false)
class OperationsWebConfig implements WebMvcConfigurer {

	private final StepMetrics steps;

	OperationsWebConfig(StepMetrics steps) {
		this.steps = steps;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.steps);
	}

}

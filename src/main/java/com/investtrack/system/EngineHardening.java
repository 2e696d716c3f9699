package com.investtrack.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Refuses to start an engine that end users could reach or that would run what they send:
 * the Camunda REST API and web apps must not be on the classpath, expressions in queries
 * and Java serialization of variables must be off, and every deployment must consist of
 * the BPMN files shipped on the classpath under {@code bpmn/}.
 */
@Component
class EngineHardening implements SmartInitializingSingleton {

	static final String DEPLOYMENT_PATTERN = "classpath*:bpmn/*.bpmn";

	/** One class of each Camunda artifact that would expose the engine over HTTP. */
	static final List<String> EXPOSING_CLASSES = List.of("org.camunda.bpm.engine.rest.impl.CamundaRestResources",
			"org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig",
			"org.camunda.bpm.webapp.impl.security.auth.AuthenticationFilter",
			"org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration");

	private final ProcessEngine engine;

	private final CamundaBpmProperties properties;

	EngineHardening(ProcessEngine engine, CamundaBpmProperties properties) {
		this.engine = engine;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> problems = problems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The process engine is not hardened: " + String.join("; ", problems));
		}
	}

	/**
	 * Every setting that is not as it must be, in words; empty when the engine is safe to
	 * run.
	 */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		ClassLoader loader = getClass().getClassLoader();
		EXPOSING_CLASSES.stream()
			.filter(name -> ClassUtils.isPresent(name, loader))
			.forEach(
					name -> problems.add(name + " is on the classpath: the Camunda REST API and web apps must not be"));
		var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		if (config.isEnableExpressionsInAdhocQueries()) {
			problems.add("expressions in ad-hoc queries are enabled");
		}
		if (config.isEnableExpressionsInStoredQueries()) {
			problems.add("expressions in stored queries are enabled");
		}
		if (config.isJavaSerializationFormatEnabled()) {
			problems.add("Java serialization of variables is enabled");
		}
		if (config.isEnableXxeProcessing()) {
			problems.add("XML external entities are processed in deployed models");
		}
		if (!Arrays.equals(properties.getDeploymentResourcePattern(), new String[] { DEPLOYMENT_PATTERN })) {
			problems.add("auto-deployment reads " + Arrays.toString(properties.getDeploymentResourcePattern())
					+ " instead of " + DEPLOYMENT_PATTERN);
		}
		Set<String> shipped = shippedModels();
		var repository = engine.getRepositoryService();
		for (Deployment deployment : repository.createDeploymentQuery().list()) {
			for (String resource : repository.getDeploymentResourceNames(deployment.getId())) {
				if (!shipped.contains(fileName(resource))) {
					problems.add("deployment " + deployment.getId() + " holds " + resource
							+ ", which is not a BPMN model shipped under bpmn/");
				}
			}
		}
		return problems;
	}

	/** File names of the BPMN models on the classpath. */
	static Set<String> shippedModels() {
		try {
			return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(DEPLOYMENT_PATTERN))
				.map(Resource::getFilename)
				.collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String fileName(String resourceName) {
		return resourceName.substring(Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\')) + 1);
	}

}

package com.investtrack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.util.ClassUtils;

import com.investtrack.support.ApiTestBase;

/**
 * The engine is an implementation detail nobody reaches: no REST API or web apps on the
 * classpath or at their usual URLs, no expressions in queries, no Java serialization,
 * only the shipped BPMN deployed, and a start-up check that refuses to run the engine
 * when any of this is not so.
 */
class EngineHardeningApiTest extends ApiTestBase {

	@Autowired
	ProcessEngine engine;

	@Autowired
	EngineHardening hardening;

	@Test
	void noCamundaRestApiOrWebAppsOnTheClasspath() throws Exception {
		for (String name : EngineHardening.EXPOSING_CLASSES) {
			assertThat(ClassUtils.isPresent(name, getClass().getClassLoader())).as(name).isFalse();
		}
		var resolver = new PathMatchingResourcePatternResolver();
		for (String pattern : List.of("classpath*:org/camunda/bpm/engine/rest/**/*.class",
				"classpath*:org/camunda/bpm/webapp/**/*.class",
				"classpath*:org/camunda/bpm/spring/boot/starter/rest/**/*.class",
				"classpath*:org/camunda/bpm/spring/boot/starter/webapp/**/*.class")) {
			assertThat(resolver.getResources(pattern)).as(pattern).isEmpty();
		}
	}

	@Test
	void engineUrlsAnswerNothing() {
		for (String path : List.of("/engine-rest/engine", "/engine-rest/process-definition", "/engine-rest/user",
				"/camunda/app/cockpit/default/", "/camunda/api/engine/engine/default/user", "/app/welcome/default/")) {
			assertThat(get("admin", path).status()).as("admin GET " + path).isEqualTo(404);
			assertThat(get("manager", path).status()).as("manager GET " + path).isEqualTo(404);
			int anonymous = get(null, path).status();
			assertThat(anonymous).as("anonymous GET " + path).isIn(302, 401);
			assertThat(exchange("admin", HttpMethod.POST, path, "{}", java.util.Map.of()).status())
				.as("admin POST " + path)
				.isIn(403, 404);
		}
	}

	@Test
	void queriesEvaluateNoExpressionsAndVariablesAreNeverJavaSerialized() {
		var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		assertThat(config.isEnableExpressionsInAdhocQueries()).isFalse();
		assertThat(config.isEnableExpressionsInStoredQueries()).isFalse();
		assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
		assertThat(config.isEnableXxeProcessing()).isFalse();
		assertThat(hardening.problems()).isEmpty();
	}

	@Test
	void onlyTheShippedModelsAreDeployed() throws Exception {
		var repository = engine.getRepositoryService();
		assertThat(repository.createDeploymentQuery().count()).isPositive();
		repository.createDeploymentQuery()
			.list()
			.forEach(d -> assertThat(repository.getDeploymentResourceNames(d.getId())).allSatisfy(
					name -> assertThat(EngineHardening.shippedModels()).contains(EngineHardening.fileName(name))));
		var resolver = new PathMatchingResourcePatternResolver();
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
			byte[] shipped = resolver
				.getResource("classpath:bpmn/" + EngineHardening.fileName(definition.getResourceName()))
				.getContentAsByteArray();
			try (InputStream deployed = repository.getResourceAsStream(definition.getDeploymentId(),
					definition.getResourceName())) {
				assertThat(deployed.readAllBytes()).as(definition.getResourceName()).isEqualTo(shipped);
			}
		}
	}

	@Test
	void startUpCheckRefusesAWeakenedEngine() {
		var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		refused(c -> c.setEnableExpressionsInAdhocQueries(true), c -> c.setEnableExpressionsInAdhocQueries(false),
				"ad-hoc queries");
		refused(c -> c.setEnableExpressionsInStoredQueries(true), c -> c.setEnableExpressionsInStoredQueries(false),
				"stored queries");
		refused(c -> c.setJavaSerializationFormatEnabled(true), c -> c.setJavaSerializationFormatEnabled(false),
				"Java serialization");
		refused(c -> c.setEnableXxeProcessing(true), c -> c.setEnableXxeProcessing(false), "external entities");
		assertThat(config.isEnableExpressionsInAdhocQueries()).isFalse();
	}

	private void refused(Consumer<ProcessEngineConfigurationImpl> weaken,
			Consumer<ProcessEngineConfigurationImpl> restore, String reason) {
		var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		weaken.accept(config);
		try {
			assertThatThrownBy(hardening::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(reason);
		}
		finally {
			restore.accept(config);
		}
	}

}

package com.investtrack;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules (the top-level packages) and their allowed dependencies: no cycles, nothing
 * reaching into another module's internals. The module documentation (diagrams and a
 * canvas per module) is written to target/spring-modulith-docs.
 */
class ModularityTest {

	private static final ApplicationModules MODULES = ApplicationModules.of(InvestTrackApplication.class);

	@Test
	void theModulesDependOnEachOtherWithoutCyclesOrReachingIntoInternals() {
		MODULES.verify();
	}

	@Test
	void theModulesAreDocumented() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}

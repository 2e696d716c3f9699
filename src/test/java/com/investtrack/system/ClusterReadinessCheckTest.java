package com.investtrack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ClusterReadinessCheckTest {

	@Test
	void aMysqlUrlMustCarryTheParametersTheEngineNeeds() {
		assertThat(ClusterReadinessCheck.missingMysqlUrlParameters("jdbc:mysql://db:3306/invest"))
			.containsExactly("sendFractionalSeconds=false", "nullCatalogMeansCurrent=true");
		assertThat(ClusterReadinessCheck
			.missingMysqlUrlParameters("jdbc:mysql://db:3306/invest?sendFractionalSeconds=true"))
			.containsExactly("sendFractionalSeconds=false", "nullCatalogMeansCurrent=true");
		assertThat(ClusterReadinessCheck
			.missingMysqlUrlParameters("jdbc:mysql://db:3306/invest?useSSL=false&nullCatalogMeansCurrent=true"))
			.containsExactly("sendFractionalSeconds=false");
		assertThat(ClusterReadinessCheck.missingMysqlUrlParameters(
				"jdbc:mysql://db:3306/invest?sendFractionalSeconds=false&nullCatalogMeansCurrent=true"
						+ "&connectTimeout=3000"))
			.isEmpty();
	}

	@Test
	void otherDatabasesAreNotChecked() {
		assertThat(ClusterReadinessCheck.missingMysqlUrlParameters("jdbc:h2:mem:x")).isEmpty();
		assertThatNoException().isThrownBy(() -> ClusterReadinessCheck
			.checkDatabase(new DriverManagerDataSource("jdbc:h2:mem:readiness", "sa", ""), "jdbc:h2:mem:readiness"));
	}

}

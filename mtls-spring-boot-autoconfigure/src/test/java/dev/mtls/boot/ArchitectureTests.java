/*
 * Copyright 2026 the mtls-spring-boot authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.mtls.boot;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules of ARCHITECTURE.md, enforced: {@code ssl} depends on nothing else of
 * ours; the feature packages depend on {@code ssl} (and the root package) but never on
 * each other; nothing uses SLF4J directly; auto-configurations are public final classes.
 *
 * @author mtls-spring-boot authors
 */
class ArchitectureTests {

	private static final String ROOT = "dev.mtls.boot";

	private static final List<String> FEATURES = List.of("server", "client", "security", "metrics", "dev");

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void rulesSeeTheProductionClasses() {
		assertThat(this.classes.contain("dev.mtls.boot.ssl.MaterialSource")).isTrue();
		assertThat(this.classes.contain("dev.mtls.boot.server.MtlsServerAutoConfiguration")).isTrue();
		assertThat(this.classes.contain(ArchitectureTests.class)).isFalse();
	}

	@Test
	void sslDependsOnNothingElseOfOurs() {
		ArchRule rule = noClasses().that()
			.resideInAPackage(ROOT + ".ssl..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(FEATURES.stream().map((feature) -> ROOT + "." + feature + "..").toArray(String[]::new));
		rule.check(this.classes);
	}

	@Test
	void featurePackagesDoNotDependOnEachOther() {
		for (String feature : FEATURES) {
			String[] others = FEATURES.stream()
				.filter((other) -> !other.equals(feature))
				.map((other) -> ROOT + "." + other + "..")
				.toArray(String[]::new);
			noClasses().that()
				.resideInAPackage(ROOT + "." + feature + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others)
				.allowEmptyShould(true)
				.check(this.classes);
		}
	}

	@Test
	void rootPackageDependsOnNoFeaturePackage() {
		noClasses().that()
			.resideInAPackage(ROOT)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".ssl..", ROOT + ".server..", ROOT + ".client..", ROOT + ".security..",
					ROOT + ".metrics..", ROOT + ".dev..")
			.check(this.classes);
	}

	@Test
	void noClassLogsThroughSlf4j() {
		noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.slf4j.LoggerFactory")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.slf4j.Logger")
			.check(this.classes);
	}

	@Test
	void autoConfigurationsArePublicFinalClasses() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.bePublic()
			.andShould()
			.haveModifier(JavaModifier.FINAL)
			.check(this.classes);
	}

	@Test
	void onlySslReadsCertificateFiles() {
		noClasses().that()
			.resideOutsideOfPackage(ROOT + ".ssl..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.boot.ssl.pem.PemContent")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.security.cert.CertificateFactory")
			.check(this.classes);
	}

}

package io.klaxon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.FakeClock;
import io.klaxon.store.InMemoryAlertStore;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The core is plain Java: no framework, no SQL, no JSON library reaches into it. */
class CoreHasNoFrameworkTest {

  static final ArchRule NO_FRAMEWORK =
      noClasses()
          .that()
          .resideInAPackage("io.klaxon..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "java.sql..",
              "javax.sql..",
              "org.jooq..",
              "com.fasterxml.jackson..",
              "tools.jackson..")
          .because("klaxon-core must stay plain Java: framework code belongs in an adapter module");

  @Test
  void coreClasses_dependOnNoFramework() {
    JavaClasses core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.klaxon");

    assertThat(core.contain(AlertEngine.class)).as("the core's classes were found").isTrue();
    NO_FRAMEWORK.check(core);
  }

  @Test
  void publishedTestFixtures_dependOnNoFrameworkEither() {
    NO_FRAMEWORK.check(
        new ClassFileImporter().importClasses(InMemoryAlertStore.class, FakeClock.class));
  }

  @Test
  void rule_catchesAClassThatUsesJdbc() {
    JavaClasses offender = new ClassFileImporter().importClasses(UsesJdbc.class);

    assertThatThrownBy(() -> NO_FRAMEWORK.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.sql.Connection");
  }

  /** A class the rule must refuse: it would tie the core to JDBC. */
  static final class UsesJdbc {
    Connection connection;
  }
}

package io.klaxon.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The server's feature packages (alert, hosts, mapping, notify, odds, …) stay out of each other's
 * internals: none reaches another's controllers, advice or configuration, and no two depend on each
 * other in a cycle.
 */
class FeatureBoundariesTest {

  private static JavaClasses server;

  @BeforeAll
  static void importServer() {
    server =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.klaxon.server");
  }

  @Test
  void noFeatureReachesIntoAnothersControllersOrConfiguration() {
    for (String feature : features()) {
      ArchRule rule =
          noClasses()
              .that()
              .resideInAPackage("io.klaxon.server." + feature + "..")
              .should()
              .dependOnClassesThat(internalsOutside(feature))
              .because("a feature uses another through its public values and services only");
      rule.check(server);
    }
  }

  @Test
  void featuresDependOnEachOtherWithoutCycles() {
    slices().matching("io.klaxon.server.(*)..").should().beFreeOfCycles().check(server);
  }

  private static java.util.Set<String> features() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (JavaClass type : server) {
      String pkg = type.getPackageName();
      if (pkg.startsWith("io.klaxon.server.")) {
        names.add(pkg.substring("io.klaxon.server.".length()).split("\\.")[0]);
      }
    }
    return names;
  }

  private static DescribedPredicate<JavaClass> internalsOutside(String feature) {
    return DescribedPredicate.describe(
        "controllers, advice or configuration of another feature",
        (JavaClass type) ->
            resideInAPackage("io.klaxon.server.*..").test(type)
                && !resideInAPackage("io.klaxon.server." + feature + "..").test(type)
                && (type.isAnnotatedWith(Controller.class)
                    || type.isAnnotatedWith(RestController.class)
                    || type.isAnnotatedWith(ControllerAdvice.class)
                    || type.isAnnotatedWith(RestControllerAdvice.class)
                    || type.isAnnotatedWith(Configuration.class)));
  }
}

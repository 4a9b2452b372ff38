package io.botburrow.devhub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Locations;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.ServerFilter;
import jakarta.inject.Singleton;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Rules that keep the Hub safe to run beside a coordinator and runners in one JVM. Only this module's classes are imported
 * (see {@code archunit.properties}), which keeps the check fast.
 */
class DevHubArchitectureTest {
  private static final JavaClasses HUB = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importLocations(Locations.ofPackage("io.botburrow.devhub").stream()
          .filter(location -> !location.isJar())
          .toList());

  @Test
  void everyBeanIsRestrictedToTheHubEnvironment() {
    classes().that().areAnnotatedWith(Singleton.class)
        .or().areAnnotatedWith(Context.class)
        .or().areAnnotatedWith(Factory.class)
        .or().areAnnotatedWith(ConfigurationProperties.class)
        .or().areAnnotatedWith(Controller.class)
        .or().areAnnotatedWith(ServerFilter.class)
        .should(requireHubEnvironment())
        .check(HUB);
  }

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("io.botburrow.devhub.(*)..").should().beFreeOfCycles().check(HUB);
  }

  @Test
  void nothingDependsOnTheLauncher() {
    noClasses().that().resideInAPackage("io.botburrow.devhub.(*)..")
        .should().dependOnClassesThat().areAssignableTo(DevHubServer.class)
        .check(HUB);
  }

  private static ArchCondition<JavaClass> requireHubEnvironment() {
    return new ArchCondition<>("be annotated @Requires(env = \"hub\")") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        boolean hubOnly = item.tryGetAnnotationOfType(Requires.class)
            .map(requires -> Arrays.asList(requires.env()).equals(java.util.List.of("hub")))
            .orElse(false);
        events.add(new SimpleConditionEvent(item, hubOnly, item.getName() + " hub-only: " + hubOnly));
      }
    };
  }
}

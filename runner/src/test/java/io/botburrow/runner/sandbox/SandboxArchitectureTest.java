package io.botburrow.runner.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SandboxArchitectureTest {
  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.botburrow.runner");

  @Test
  void onlyDockerPackagesImportDockerJava() {
    noClasses().that().resideOutsideOfPackage("..docker..")
        .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
        .check(classes);
  }

  @Test
  void theSandboxPortDependsOnNoAdapter() {
    noClasses().that().resideInAPackage("io.botburrow.runner.sandbox")
        .should().dependOnClassesThat().resideInAPackage("io.botburrow.runner.sandbox.docker..")
        .check(classes);
  }
}

package io.botburrow.agents;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Only the S3 adapter talks to the AWS SDK; the model and port stay free of it. */
class AgentsArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("io.botburrow.agents");

  @Test
  void onlyTheS3AdapterUsesTheAwsSdk() {
    noClasses().that().resideOutsideOfPackage("io.botburrow.agents.s3..")
        .should().dependOnClassesThat().resideInAPackage("software.amazon..")
        .check(CLASSES);
  }

  @Test
  void modelAndPortDoNotDependOnAdapters() {
    noClasses().that().resideInAPackage("io.botburrow.agents")
        .should().dependOnClassesThat().resideInAnyPackage("io.botburrow.agents.s3..", "io.botburrow.agents.memory..")
        .check(CLASSES);
  }
}

package io.botburrow.queue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Ports stay free of adapters and vendors; only Redis adapters touch Redisson. */
class QueueArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.botburrow.queue", "io.botburrow.leader", "io.botburrow.redis");

  @Test
  void onlyRedisAdaptersUseRedisson() {
    noClasses().that().resideOutsideOfPackage("..redis..")
        .should().dependOnClassesThat().resideInAPackage("org.redisson..")
        .check(CLASSES);
  }

  @Test
  void portsDoNotDependOnTheirAdapters() {
    noClasses().that().resideInAnyPackage("io.botburrow.queue", "io.botburrow.leader")
        .should().dependOnClassesThat().resideInAnyPackage("..queue.redis..", "..queue.memory..", "..leader.redis..", "..leader.memory..")
        .check(CLASSES);
  }

  @Test
  void queuePortsUseOnlyDomainAndJdkTypes() {
    noClasses().that().resideInAPackage("io.botburrow.queue")
        .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.botburrow.activation..", "io.botburrow.queue")
        .check(CLASSES);
  }
}

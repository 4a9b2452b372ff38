package io.botburrow.channels;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Only the Slack adapter talks to Slack's SDK; the port and the other adapters stay free of it. */
class ChannelsArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("io.botburrow");

  @Test
  void onlyTheSlackAdapterUsesTheSlackSdk() {
    noClasses().that().resideOutsideOfPackage("io.botburrow.channels.slack..")
        .should().dependOnClassesThat().resideInAnyPackage("com.slack.api..", "okhttp3..", "com.google.gson..")
        .check(CLASSES);
  }
}

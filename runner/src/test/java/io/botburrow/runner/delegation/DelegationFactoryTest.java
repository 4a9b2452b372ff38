package io.botburrow.runner.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's allow-lists as a flattened YAML file (lists) or a -D option (comma-separated text) gives them. */
class DelegationFactoryTest {
  private static Map<String, List<String>> read(Map<String, Object> properties) {
    try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).properties(properties).build().start()) {
      return DelegationFactory.allowLists(ctx.getEnvironment());
    }
  }

  @Test
  void readsListsAndCommaSeparatedTextKeepingAgentNamesAsWritten() {
    Map<String, List<String>> allow = read(Map.of(
        "botburrow.delegation.allow.manager", List.of("*"),
        "botburrow.delegation.allow.tech-lead", "*, !manager",
        "botburrow.delegation.allow.qa-bot", List.of("worker")));

    assertThat(allow).containsEntry("manager", List.of("*"))
        .containsEntry("tech-lead", List.of("*", "!manager"))
        .containsEntry("qa-bot", List.of("worker"));
  }

  @Test
  void withoutATableNobodyMayDelegate() {
    assertThat(read(Map.of())).isEmpty();
  }
}

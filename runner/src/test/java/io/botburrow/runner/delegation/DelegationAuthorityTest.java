package io.botburrow.runner.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DelegationAuthorityTest {
  private final DelegationAuthority authority = new DelegationAuthority(
      Map.of("manager", List.of("*"), "tech-lead", List.of("*", "!manager")), 3);

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
      "manager, tech-lead, allowed",
      "manager, worker, allowed",
      "manager, manager, 'cannot delegate to itself'",
      "tech-lead, worker, allowed",
      "tech-lead, manager, 'does not allow tech-lead to delegate to manager (allowed: *, !manager)'",
      "tech-lead, tech-lead, 'cannot delegate to itself'",
      "worker, manager, 'worker may delegate to no one'",
      "worker, tech-lead, 'worker may delegate to no one'",
      "worker, worker, 'cannot delegate to itself'"
  })
  void theOperatorsTableDecidesWhoMayDelegateToWhom(String from, String to, String expected) {
    var refusal = authority.refusal(from, to, List.of());

    if (expected.equals("allowed")) {
      assertThat(refusal).isEmpty();
    } else {
      assertThat(refusal).hasValueSatisfying(r -> assertThat(r).contains(expected));
    }
  }

  @Test
  void onlyAgentsWithAPositiveEntryAreOfferedTheTool() {
    DelegationAuthority a = new DelegationAuthority(Map.of("manager", List.of("*"), "muted", List.of("!manager")), 3);

    assertThat(a.mayDelegate("manager")).isTrue();
    assertThat(a.mayDelegate("muted")).isFalse();
    assertThat(a.mayDelegate("worker")).isFalse();
  }

  @Test
  void cyclesAreRefusedAndChainsAreCappedInDepth() {
    DelegationAuthority a = new DelegationAuthority(Map.of("a1", List.of("*"), "b1", List.of("*"), "c1", List.of("*")), 2);

    assertThat(a.refusal("b1", "a1", List.of("a1"))).hasValueSatisfying(r -> assertThat(r).contains("cycle: a1 → b1 → a1"));
    assertThat(a.refusal("b1", "c1", List.of("a1"))).isEmpty();
    assertThat(a.refusal("c1", "d1", List.of("a1", "b1"))).hasValueSatisfying(r -> assertThat(r).contains("at most 2"));
  }

  @Test
  void prefixPatternsAndNegationsCombine() {
    DelegationAuthority a = new DelegationAuthority(Map.of("lead", List.of("team-*", "!team-boss")), 3);

    assertThat(a.refusal("lead", "team-dev", List.of())).isEmpty();
    assertThat(a.refusal("lead", "team-boss", List.of())).isPresent();
    assertThat(a.refusal("lead", "other", List.of())).isPresent();
  }
}

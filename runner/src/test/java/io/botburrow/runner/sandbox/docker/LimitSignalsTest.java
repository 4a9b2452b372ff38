package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitSignalsTest {

  @Test
  void parsesCgroupV1Counters() {
    String text = "oom_kill_disable 0\nunder_oom 0\noom_kill 2\nmax 531\n";
    assertThat(LimitSignals.Counters.parse(text)).isEqualTo(new LimitSignals.Counters(2, 531));
  }

  @Test
  void parsesCgroupV2CountersAndMissingFilesAsZero() {
    String v2 = "low 0\nhigh 0\nmax 0\noom 1\noom_kill 1\n";
    assertThat(LimitSignals.Counters.parse(v2).oomKills()).isEqualTo(1);
    assertThat(LimitSignals.Counters.parse("")).isEqualTo(LimitSignals.Counters.ZERO);
  }

  @Test
  void recognisesForkFailuresOfCommonShellsAndRuntimes() {
    assertThat(LimitSignals.looksLikeForkFailure("", "sh: can't fork: Resource temporarily unavailable")).isTrue();
    assertThat(LimitSignals.looksLikeForkFailure("", "sh: 1: Cannot fork")).isTrue();
    assertThat(LimitSignals.looksLikeForkFailure("", "bash: fork: retry: Resource temporarily unavailable")).isTrue();
    assertThat(LimitSignals.looksLikeForkFailure("BlockingIOError: [Errno 11] Resource temporarily unavailable", "")).isTrue();
    assertThat(LimitSignals.looksLikeForkFailure("all good", "warning: deprecated")).isFalse();
  }

  @Test
  void aKilledCommandTimedOutOnlyIfItRanForItsWholeTimeout() {
    assertThat(LimitSignals.timedOut(137, 2_000, 2_000)).isTrue();
    assertThat(LimitSignals.timedOut(124, 1_990, 2_000)).isTrue();
    assertThat(LimitSignals.timedOut(137, 300, 2_000)).isFalse();
    assertThat(LimitSignals.timedOut(1, 5_000, 2_000)).isFalse();
  }

  @Test
  void countersAreReadOnlyWhenSomethingWentWrong() {
    assertThat(LimitSignals.worthChecking(0, false, false)).isFalse();
    assertThat(LimitSignals.worthChecking(137, false, false)).isTrue();
    assertThat(LimitSignals.worthChecking(0, true, false)).isTrue();
    assertThat(LimitSignals.worthChecking(0, false, true)).isTrue();
  }
}

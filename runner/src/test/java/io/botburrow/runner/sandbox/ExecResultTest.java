package io.botburrow.runner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecResultTest {

  @Test
  void aHitLimitIsTheTerminationEvenWithAnExitCode() {
    assertThat(new ExecResult(137, "", "", false, true, true, false).termination()).isEqualTo(ExecTermination.OOM_KILLED);
    assertThat(new ExecResult(2, "", "", false, true, false, true).termination()).isEqualTo(ExecTermination.PIDS_EXHAUSTED);
    assertThat(new ExecResult(137, "", "", false, true, false, false).termination()).isEqualTo(ExecTermination.TIMED_OUT);
    assertThat(new ExecResult(1, "", "", false, false, false, false).termination()).isEqualTo(ExecTermination.EXITED);
  }

  @Test
  void succeedsOnlyWithExitZeroAndNoLimitHit() {
    assertThat(new ExecResult(0, "ok", null, false, false, false, false).succeeded()).isTrue();
    assertThat(new ExecResult(0, "ok", null, false, true, false, false).succeeded()).isFalse();
    assertThat(new ExecResult(1, "", "", false, false, false, false).succeeded()).isFalse();
  }
}

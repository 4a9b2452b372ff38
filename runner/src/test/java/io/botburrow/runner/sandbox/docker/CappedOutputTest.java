package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CappedOutputTest {

  @Test
  void keepsEverythingUnderTheCap() {
    CappedOutput out = new CappedOutput(10);
    out.append("hello".getBytes(StandardCharsets.UTF_8));
    assertThat(out.truncated()).isFalse();
    assertThat(out.text()).isEqualTo("hello");
  }

  @Test
  void cutsAtTheCapAndSaysSo() {
    CappedOutput out = new CappedOutput(4);
    out.append("abc".getBytes(StandardCharsets.UTF_8));
    out.append("defgh".getBytes(StandardCharsets.UTF_8));
    assertThat(out.truncated()).isTrue();
    assertThat(out.bytes()).containsExactly('a', 'b', 'c', 'd');
    assertThat(out.text()).isEqualTo("abcd\n[output truncated after 4 bytes]");
  }

  @Test
  void copiesFramesSoAReusedBufferDoesNotChangeWhatWasKept() {
    CappedOutput out = new CappedOutput(10);
    byte[] buffer = "one".getBytes(StandardCharsets.UTF_8);
    out.append(buffer);
    buffer[0] = 'X';
    assertThat(out.text()).isEqualTo("one");
  }
}

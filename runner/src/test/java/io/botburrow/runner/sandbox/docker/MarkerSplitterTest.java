package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkerSplitterTest {
  private static final byte[] MARKER = "\0tok ".getBytes(StandardCharsets.US_ASCII);

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void outputBeforeTheMarkerIsKeptAndTheExitCodeFollowsIt() {
    MarkerSplitter splitter = new MarkerSplitter(MARKER, new CappedOutput(100), true);
    splitter.accept(bytes("hello\nworld\0tok 3\n"));
    assertThat(splitter.finished()).isTrue();
    assertThat(splitter.exitCode()).isEqualTo(3);
    assertThat(splitter.target.text()).isEqualTo("hello\nworld");
  }

  @Test
  void findsAMarkerAndAnExitCodeSplitAcrossEveryChunkBoundary() {
    String stream = "abc\0def\0to\0tok 137\n";
    for (int cut = 1; cut < stream.length(); cut++) {
      MarkerSplitter splitter = new MarkerSplitter(MARKER, new CappedOutput(100), true);
      splitter.accept(bytes(stream.substring(0, cut)));
      assertThat(splitter.finished()).as("cut at %d", cut).isFalse();
      splitter.accept(bytes(stream.substring(cut)));
      assertThat(splitter.finished()).as("cut at %d", cut).isTrue();
      assertThat(splitter.exitCode()).isEqualTo(137);
      assertThat(splitter.target.text()).isEqualTo("abc\0def\0to");
    }
  }

  @Test
  void oneByteAtATime() {
    MarkerSplitter splitter = new MarkerSplitter(MARKER, new CappedOutput(100), true);
    for (byte b : bytes("out\0tok 0\n")) {
      splitter.accept(new byte[] {b});
    }
    assertThat(splitter.finished()).isTrue();
    assertThat(splitter.exitCode()).isZero();
    assertThat(splitter.target.text()).isEqualTo("out");
  }

  @Test
  void aMarkerFarBeyondTheCapStillEndsTheCommandAndTheOutputIsMarkedTruncated() {
    MarkerSplitter splitter = new MarkerSplitter(MARKER, new CappedOutput(10), true);
    for (int i = 0; i < 1000; i++) {
      splitter.accept(bytes("0123456789"));
    }
    assertThat(splitter.finished()).isFalse();
    splitter.accept(bytes("\0tok 1\n"));
    assertThat(splitter.finished()).isTrue();
    assertThat(splitter.exitCode()).isEqualTo(1);
    assertThat(splitter.target.truncated()).isTrue();
    assertThat(new String(splitter.target.bytes(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
  }

  @Test
  void aStderrMarkerHasNoExitCodeAndWhatFollowsIsDropped() {
    MarkerSplitter splitter = new MarkerSplitter(bytes("\0tok\n"), new CappedOutput(100), false);
    splitter.accept(bytes("warning\n\0tok\nlate output of a background job"));
    assertThat(splitter.finished()).isTrue();
    splitter.accept(bytes("more"));
    assertThat(splitter.target.text()).isEqualTo("warning\n");
  }

  @Test
  void anotherTokenIsOutputNotAnEnd() {
    MarkerSplitter splitter = new MarkerSplitter(MARKER, new CappedOutput(100), true);
    splitter.accept(bytes("\0other 5\n"));
    assertThat(splitter.finished()).isFalse();
    splitter.accept(bytes("\0tok 0\n"));
    assertThat(splitter.target.text()).isEqualTo("\0other 5\n");
  }

  @Test
  void anExitCodeThatIsNotANumberIsMinusOne() {
    MarkerSplitter splitter = new MarkerSplitter(MARKER, new CappedOutput(100), true);
    splitter.accept(bytes("\0tok x\n"));
    assertThat(splitter.exitCode()).isEqualTo(-1);
  }
}

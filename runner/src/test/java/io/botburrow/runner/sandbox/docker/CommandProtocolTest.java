package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channel's side of the loop's protocol; {@link StdioCommandServerTest} runs it against a real shell. */
class CommandProtocolTest {

  @Test
  void aRequestIsOneLineOfTokenTimeoutAndTheQuotedCommandInBase64() {
    List<String> argv = List.of("printf", "%s\n", "it's");
    String line = new String(CommandProtocol.request("t1", 30, argv), StandardCharsets.US_ASCII);

    assertThat(line).endsWith("\n").doesNotContain("'").hasLineCount(1);
    String[] fields = line.strip().split(" ");
    assertThat(fields).hasSize(3);
    assertThat(fields[0]).isEqualTo("t1");
    assertThat(fields[1]).isEqualTo("30");
    assertThat(new String(Base64.getDecoder().decode(fields[2]), StandardCharsets.UTF_8))
        .isEqualTo(StdioCommandServer.quote(argv));
  }

  @Test
  void theAnswerEndsWithTheTokenAfterANulOnEachStream() {
    assertThat(CommandProtocol.stdoutMarker("t1")).isEqualTo("\0t1 ".getBytes(StandardCharsets.US_ASCII));
    assertThat(CommandProtocol.stderrMarker("t1")).isEqualTo("\0t1\n".getBytes(StandardCharsets.US_ASCII));
    String token = CommandProtocol.newToken();
    assertThat(token).hasSize(32).matches("[0-9a-f]+").isNotEqualTo(CommandProtocol.newToken());
  }

  @Test
  void theGreetingIsAWholeLineAnywhereInTheOutput() {
    assertThat(CommandProtocol.greets(("motd\n" + StdioCommandServer.HELLO + "\n").getBytes(StandardCharsets.US_ASCII)))
        .isTrue();
    assertThat(CommandProtocol.greets(StdioCommandServer.HELLO.getBytes(StandardCharsets.US_ASCII))).isFalse();
  }
}

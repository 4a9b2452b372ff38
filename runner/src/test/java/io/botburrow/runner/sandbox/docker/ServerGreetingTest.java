package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When the channel takes commands: after the server's greeting, never after output that is not one. */
class ServerGreetingTest {

  @Test
  void aGreetingThatDoesNotComeWithinFourKilobytesIsNotOurServers() {
    ServerGreeting greeting = new ServerGreeting(Duration.ZERO);
    assertThat(greeting.accept(new byte[4096])).isTrue();
    assertThat(greeting.accept(new byte[1])).isFalse();
    assertThat(greeting.greeted()).isFalse();
    assertThat(greeting.await()).isFalse();

    ServerGreeting ours = new ServerGreeting(Duration.ZERO);
    assertThat(ours.accept((StdioCommandServer.HELLO + "\n").getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(ours.greeted()).isTrue();
    assertThat(ours.await()).isTrue();
  }

  @Test
  void aCommandWaitsForTheGreetingUntilTheDeadline() throws Exception {
    ServerGreeting greeting = new ServerGreeting(Duration.ofSeconds(10));
    byte[] hello = (StdioCommandServer.HELLO + "\n").getBytes(StandardCharsets.US_ASCII);
    Thread server = Thread.ofVirtual().start(() -> {
      // in two chunks, as frames may cut it
      greeting.accept(java.util.Arrays.copyOfRange(hello, 0, 5));
      greeting.accept(java.util.Arrays.copyOfRange(hello, 5, hello.length));
    });

    assertThat(greeting.await()).isTrue();
    server.join();
    assertThat(new ServerGreeting(Duration.ofMillis(50)).await()).isFalse();
  }
}

package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class QueueInputStreamTest {

  @Test
  void queuesWritesMadeBeforeAnyoneReadsAndFromThreadsThatHaveEnded() throws Exception {
    QueueInputStream stdin = new QueueInputStream();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      executor.submit(() -> {
        stdin.write("one\n".getBytes(StandardCharsets.UTF_8));
        return null;
      }).get();
    }
    stdin.write("two\n".getBytes(StandardCharsets.UTF_8));
    stdin.close();
    assertThat(new String(stdin.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("one\ntwo\n");
  }

  @Test
  void aReaderBlocksUntilSomethingIsWrittenAndSeesEndOfFileAfterClose() throws Exception {
    QueueInputStream stdin = new QueueInputStream();
    CompletableFuture<Integer> firstByte = CompletableFuture.supplyAsync(() -> {
      try {
        return stdin.read();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(firstByte).isNotDone();
    stdin.write(new byte[] {42});
    assertThat(firstByte.get()).isEqualTo(42);
    stdin.close();
    assertThat(stdin.read()).isEqualTo(-1);
    assertThatThrownBy(() -> stdin.write(new byte[] {1})).isInstanceOf(IOException.class);
  }

  @Test
  void copiesWhatIsWrittenSoTheCallerMayReuseItsBuffer() throws Exception {
    QueueInputStream stdin = new QueueInputStream();
    byte[] buffer = {1, 2};
    stdin.write(buffer);
    buffer[0] = 9;
    stdin.close();
    assertThat(stdin.readAllBytes()).containsExactly(1, 2);
  }
}

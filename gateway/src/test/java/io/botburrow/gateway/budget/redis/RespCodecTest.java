package io.botburrow.gateway.budget.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RESP2 both ways: the frames of {@link CommandFrame} and the replies {@link ReplyReader} reads. */
class RespCodecTest {

  private static String framed(CommandFrame frame, List<String> command) throws Exception {
    var out = new ByteArrayOutputStream();
    frame.frame(command);
    frame.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Object read(String reply) throws Exception {
    var in = new ByteArrayInputStream(reply.getBytes(StandardCharsets.UTF_8));
    return new ReplyReader(in).reply(in.read());
  }

  @Test
  void framesACommandAsAnArrayOfBulkStringsCountingUtf8Bytes() throws Exception {
    assertThat(framed(new CommandFrame(), List.of("SET", "cl\u00e9", "")))
        .isEqualTo("*3\r\n$3\r\nSET\r\n$4\r\ncl\u00e9\r\n$0\r\n\r\n");
  }

  @Test
  void aFrameGrowsForALargeCommandAndHoldsOnlyTheLatest() throws Exception {
    var frame = new CommandFrame();
    var large = "x".repeat(12_345);
    var args = new String[12];
    Arrays.fill(args, "a");

    assertThat(framed(frame, List.of("SET", "k", large)))
        .isEqualTo("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$12345\r\n" + large + "\r\n");
    assertThat(framed(frame, List.of(args))).startsWith("*12\r\n$1\r\na\r\n").hasSize(5 + 12 * 7);
  }

  @Test
  void readsEachTypeOfReply() throws Exception {
    assertThat(read("+OK\r\n")).isEqualTo("OK");
    assertThat(read(":-42\r\n")).isEqualTo(-42L);
    assertThat(read("$5\r\nvalue\r\n")).isEqualTo("value");
    assertThat(read("$-1\r\n")).isNull();
    assertThat(read("*-1\r\n")).isNull();
    assertThat(read("*3\r\n:1\r\n$1\r\nx\r\n*1\r\n+y\r\n")).isEqualTo(List.of(1L, "x", List.of("y")));
  }

  @Test
  void returnsAnErrorReplyInsteadOfThrowingIt() throws Exception {
    assertThat(read("-NOSCRIPT No matching script\r\n")).asInstanceOf(throwable(RespClient.RedisErrorException.class))
        .hasMessage("NOSCRIPT No matching script");
  }

  @Test
  void aTruncatedOrMalformedReplyFails() {
    assertThatThrownBy(() -> read("*2\r\n:1\r\n")).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> read("+OK\rX")).hasMessage("malformed Redis reply");
    assertThatThrownBy(() -> read("!3\r\n")).hasMessage("unexpected Redis reply type !");
  }
}

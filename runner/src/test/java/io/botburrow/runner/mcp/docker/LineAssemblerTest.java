package io.botburrow.runner.mcp.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {

  @Test
  void reassemblesALongMessageSplitInto1KibFramesEvenInsideACharacter() {
    String message = "{\"text\":\"" + "é€".repeat(3000) + "\"}";
    byte[] bytes = (message + "\n{\"id\":2}\n").getBytes(StandardCharsets.UTF_8);
    LineAssembler assembler = new LineAssembler(1 << 20);
    List<String> lines = new ArrayList<>();
    for (int offset = 0; offset < bytes.length; offset += 1024) {
      lines.addAll(assembler.accept(Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + 1024))));
    }
    assertThat(lines).containsExactly(message, "{\"id\":2}");
  }

  @Test
  void keepsAnUnfinishedLineForTheNextFrameAndDropsCarriageReturns() {
    LineAssembler assembler = new LineAssembler(100);
    assertThat(assembler.accept("ab".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(assembler.accept("c\r\nd".getBytes(StandardCharsets.UTF_8))).containsExactly("abc");
    assertThat(assembler.accept("\n".getBytes(StandardCharsets.UTF_8))).containsExactly("d");
  }

  @Test
  void refusesEndlessLines() {
    LineAssembler assembler = new LineAssembler(10);
    assertThatThrownBy(() -> assembler.accept("x".repeat(11).getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class);
  }
}

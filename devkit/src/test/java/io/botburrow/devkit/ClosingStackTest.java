package io.botburrow.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosingStackTest {

  @Test
  void closesLastFirstAndGoesOnPastAFailure() {
    List<String> closed = new ArrayList<>();
    List<Exception> failures = new ArrayList<>();
    ClosingStack stack = new ClosingStack(failures::add);
    stack.push(() -> closed.add("hub"));
    stack.push(() -> {
      throw new IllegalStateException("redis would not stop");
    });
    AutoCloseable runner = stack.push(() -> closed.add("runner"));

    stack.close();
    stack.close();

    assertThat(runner).isNotNull();
    assertThat(closed).containsExactly("runner", "hub");
    assertThat(failures).singleElement().extracting(Exception::getMessage).isEqualTo("redis would not stop");
  }
}

package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CoordinatorCommandTest {

  @Test
  void coordinatorWithTheDefaultOperatorKeyExitsWithAMessageNamingTheVariableToSet() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = new CommandLine(new Main()).execute("coordinator", "--config", "/nonexistent", "--port", "0",
          "-D", "botburrow.redis.url=redis://127.0.0.1:9", "-D", "botburrow.s3.bucket=unused");
    } finally {
      System.setErr(originalErr);
    }

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Coordinator not started: The operator API key is the development default")
        .contains("BOTBURROW_OPERATOR_KEY");
  }
}

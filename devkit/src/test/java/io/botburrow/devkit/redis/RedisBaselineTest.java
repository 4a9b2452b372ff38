package io.botburrow.devkit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisBaselineTest {

  @Test
  void averagesTheFinalFiguresOfQuietRedisBenchmarkOutput() {
    String output =
        "LPUSH: rps=10435.1 (overall: 10356.1) avg_msec=3.622 (overall: 3.622)\r"
            + "LPUSH: 16000.00 requests per second, p50=1.295 msec\n"
            + "RPOP: rps=9075.4 (overall: 11101.9) avg_msec=3.357 (overall: 3.357)\r"
            + "RPOP: 14000.50 requests per second, p50=1.383 msec\n\n";

    assertThat(RedisBaseline.parse(output)).hasValue(15000.25);
  }

  @Test
  void reportsNothingForUnexpectedOutput() {
    assertThat(RedisBaseline.parse("Could not connect to Redis at 127.0.0.1:1: Connection refused")).isEmpty();
  }
}

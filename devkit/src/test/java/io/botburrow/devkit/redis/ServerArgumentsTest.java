package io.botburrow.devkit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerArgumentsTest {
  @TempDir
  Path dir;

  @Test
  void aServerListensOnLoopbackWithoutPersistence() {
    assertThat(ServerArguments.server(6400, dir)).containsExactly("--port", "6400", "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString());
  }

  @Test
  void aReplicaAndAClusterNodeAddTheirOptionsToAServers() {
    assertThat(ServerArguments.replicaOf(6401, dir, 6400))
        .startsWith("--port", "6401").endsWith("--replicaof", "127.0.0.1", "6400");
    assertThat(ServerArguments.clusterNode(6402, dir)).startsWith("--port", "6402")
        .endsWith("--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes.conf").toString(),
            "--cluster-node-timeout", "2000");
  }

  @Test
  void aSentinelGetsItsConfigurationOnceAndKeepsWhatItLearnedOnRestart() throws Exception {
    assertThat(ServerArguments.sentinel(26379, dir, "primary", 6400, 2, Duration.ofMillis(500)))
        .containsExactly(dir.resolve("sentinel.conf").toString(), "--sentinel", "--port", "26379", "--bind",
            "127.0.0.1", "--daemonize", "no", "--dir", dir.toString());
    assertThat(Files.readString(dir.resolve("sentinel.conf"))).isEqualTo("""
        sentinel monitor primary 127.0.0.1 6400 2
        sentinel down-after-milliseconds primary 500
        sentinel failover-timeout primary 2000
        sentinel parallel-syncs primary 1
        """);

    Files.writeString(dir.resolve("sentinel.conf"), "learned\n");
    ServerArguments.sentinel(26379, dir, "primary", 6400, 2, Duration.ofMillis(500));

    assertThat(Files.readString(dir.resolve("sentinel.conf"))).isEqualTo("learned\n");
  }

  @Test
  void aSentinelFailsOverWithinThreeTimesItsDownAfter() {
    assertThat(ServerArguments.sentinelConf("primary", 6400, 1, Duration.ofSeconds(5)))
        .contains("sentinel failover-timeout primary 15000\n");
  }
}

package io.botburrow.cli.bench;

import io.botburrow.agents.s3.BucketUploader;
import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/** The executor benchmark's two agents, a claude-code one and a native one, and their upload to the bucket. */
final class ExecutorAgents {
  static final String CLI_AGENT = "bench-cli";
  static final String NATIVE_AGENT = "bench-native";

  private ExecutorAgents() {}

  static void upload(S3Properties props) {
    try {
      Path dir = Files.createTempDirectory("botburrow-bench-executor-");
      write(dir, CLI_AGENT, "claude-code");
      write(dir, NATIVE_AGENT, "native");
      try (S3Client client = S3ClientFactory.createClient(props)) {
        new BucketUploader(client, props.bucket()).upload(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path root, String name, String type) throws IOException {
    Path dir = root.resolve("agents").resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.yaml"), """
        name: %s
        type: %s
        description: Executor benchmark agent
        brain: {provider: anthropic, model: claude-sonnet-4-20250514, max_tokens: 1000}
        capabilities: {grants: [hub:read, hub:write]}
        behavior: {max_iterations: 2}
        """.formatted(name, type));
    Files.writeString(dir.resolve("system-prompt.md"), "You are " + name + ". Answer in one line.");
  }
}

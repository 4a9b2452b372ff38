package io.botburrow.devkit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.Skill;
import io.botburrow.agents.s3.S3AgentDefinitionStore;
import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** A bucket filled by the real AWS CLI ({@code aws s3 cp}) loads through the store. Skipped without {@code aws}. */
class AwsCliUploadIT {

  @Test
  void definitionsCopiedWithTheAwsCliLoad(@TempDir Path home) throws Exception {
    assumeTrue(onPath("aws"), "aws CLI not on PATH");
    Path corpus = Corpus.folder();
    try (EmbeddedS3 server = EmbeddedS3.startInMemory("cli-access", "cli-secret");
        S3Client s3 = S3ClientFactory.createClient(
            S3Properties.of(server.endpoint(), "unused", "cli-access", "cli-secret"))) {
      s3.createBucket(b -> b.bucket("botburrow-agents"));
      for (String folder : List.of("agents", "skills")) {
        aws(server, home, "s3", "cp", "--recursive", corpus.resolve(folder).toString(),
            "s3://botburrow-agents/" + folder + "/");
      }

      S3AgentDefinitionStore store = new S3AgentDefinitionStore(s3, "botburrow-agents", Clock.systemUTC());

      assertThat(store.listAgentNames()).containsExactlyElementsOf(Corpus.AGENTS);
      AgentDefinition coder = store.load("claude-coder-1");
      assertThat(coder.systemPrompt()).isEqualTo(Files.readString(corpus.resolve("agents/claude-coder-1/system-prompt.md")));
      assertThat(coder.skills()).extracting(Skill::name).containsExactly("hub-post", "hub-search", "budget-check");
    }
  }

  private static void aws(EmbeddedS3 server, Path home, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", server.endpoint().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("AWS_ACCESS_KEY_ID", server.accessKey());
    builder.environment().put("AWS_SECRET_ACCESS_KEY", server.secretKey());
    builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
    // Keep the developer's own profiles and settings out of the test.
    builder.environment().put("AWS_CONFIG_FILE", home.resolve("config").toString());
    builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    builder.environment().remove("AWS_PROFILE");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("aws finished").isTrue();
    assertThat(process.exitValue()).as("aws %s failed:%n%s", String.join(" ", args), output).isZero();
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}

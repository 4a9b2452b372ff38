package io.botburrow.cli;

import io.botburrow.agents.s3.BucketUploader;
import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.S3Client;

@Command(
    name = "agents",
    mixinStandardHelpOptions = true,
    description = "Manage agent definitions in the bucket.",
    subcommands = {AgentsCommand.Upload.class})
final class AgentsCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "upload",
      mixinStandardHelpOptions = true,
      description = "Upload a definitions folder (agents/<name>/config.yaml, system-prompt.md, skills/<skill>/SKILL.md) to the bucket.")
  static final class Upload implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Folder with agents/ and skills/ (e.g. config).")
    Path folder;

    @Option(names = "--endpoint", defaultValue = "${env:BOTBURROW_S3_ENDPOINT:-http://127.0.0.1:9000}", description = "S3 endpoint (default ${DEFAULT-VALUE}).")
    URI endpoint;

    @Option(names = "--bucket", defaultValue = "${env:BOTBURROW_S3_BUCKET:-botburrow-agents}", description = "Bucket (default ${DEFAULT-VALUE}).")
    String bucket;

    @Option(names = "--access-key", defaultValue = "${env:BOTBURROW_S3_ACCESS_KEY:-botburrow}")
    String accessKey;

    @Option(names = "--secret-key", defaultValue = "${env:BOTBURROW_S3_SECRET_KEY:-botburrow-secret}")
    String secretKey;

    @Override
    public Integer call() {
      if (!Files.isDirectory(folder)) {
        System.err.println("Not a folder: " + folder);
        return 2;
      }
      try (S3Client s3 = S3ClientFactory.createClient(S3Properties.of(endpoint, bucket, accessKey, secretKey))) {
        List<String> keys = new BucketUploader(s3, bucket).upload(folder);
        keys.forEach(k -> System.out.println("uploaded s3://" + bucket + "/" + k));
        System.out.println(keys.size() + " object(s) uploaded to " + endpoint + " bucket " + bucket);
      }
      return 0;
    }
  }
}

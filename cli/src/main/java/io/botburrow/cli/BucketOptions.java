package io.botburrow.cli;

import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import java.net.URI;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

/** Where the agents' bucket is, for the commands that write to it: options, else environment, else the development defaults. */
final class BucketOptions {
  @Option(names = "--endpoint", defaultValue = "${env:BOTBURROW_S3_ENDPOINT:-http://127.0.0.1:9000}", description = "S3 endpoint (default ${DEFAULT-VALUE}).")
  URI endpoint;

  @Option(names = "--bucket", defaultValue = "${env:BOTBURROW_S3_BUCKET:-botburrow-agents}", description = "Bucket (default ${DEFAULT-VALUE}).")
  String bucket;

  @Option(names = "--access-key", defaultValue = "${env:BOTBURROW_S3_ACCESS_KEY:-botburrow}")
  String accessKey;

  @Option(names = "--secret-key", defaultValue = "${env:BOTBURROW_S3_SECRET_KEY:-botburrow-secret}")
  String secretKey;

  S3Client client() {
    return S3ClientFactory.createClient(S3Properties.of(endpoint, bucket, accessKey, secretKey));
  }
}

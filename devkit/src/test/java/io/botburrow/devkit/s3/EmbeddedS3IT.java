package io.botburrow.devkit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class EmbeddedS3IT {

  @Test
  void objectsInADataFolderSurviveARestart(@TempDir Path dir) {
    Path data = dir.resolve("s3-data");
    try (EmbeddedS3 first = EmbeddedS3.start(0, "ak", "sk", Optional.of(data));
        S3Client s3 = client(first, "sk")) {
      s3.createBucket(b -> b.bucket("keep"));
      s3.putObject(b -> b.bucket("keep").key("agents/a/config.yaml"), RequestBody.fromString("name: a"));
    }

    try (EmbeddedS3 second = EmbeddedS3.start(0, "ak", "sk", Optional.of(data));
        S3Client s3 = client(second, "sk")) {
      assertThat(s3.getObjectAsBytes(b -> b.bucket("keep").key("agents/a/config.yaml")).asUtf8String())
          .isEqualTo("name: a");
    }
  }

  @Test
  void requestsSignedWithAnotherSecretAreRefused() {
    try (EmbeddedS3 server = EmbeddedS3.startInMemory("ak", "sk");
        S3Client wrong = client(server, "not-the-secret")) {
      assertThat(server.endpoint().toString()).startsWith("http://127.0.0.1:");
      assertThat(server.port()).isPositive();
      assertThat(server.accessKey()).isEqualTo("ak");

      assertThatThrownBy(() -> wrong.createBucket(b -> b.bucket("refused")))
          .isInstanceOf(S3Exception.class)
          .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
    }
  }

  @Test
  void aTakenPortFailsToStart() {
    try (EmbeddedS3 server = EmbeddedS3.startInMemory("ak", "sk")) {
      assertThatThrownBy(() -> EmbeddedS3.start(server.port(), "ak", "sk", Optional.empty()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + server.port());
    }
  }

  private static S3Client client(EmbeddedS3 server, String secret) {
    return S3ClientFactory.createClient(S3Properties.of(server.endpoint(), "unused", server.accessKey(), secret));
  }
}

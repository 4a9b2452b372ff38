package io.botburrow.devkit.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible server in this JVM (s3proxy) on 127.0.0.1, for development and tests: in memory,
 * or in a folder that survives restarts. Requests must be signed (V2 or V4) with the given keys and
 * use path-style addressing. Not for production.
 */
public final class EmbeddedS3 implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3.class);

  private final S3Proxy proxy;
  private final BlobStore blobStore;
  private final URI endpoint;
  private final String accessKey;
  private final String secretKey;

  private EmbeddedS3(S3Proxy proxy, BlobStore blobStore, URI endpoint, String accessKey, String secretKey) {
    this.proxy = proxy;
    this.blobStore = blobStore;
    this.endpoint = endpoint;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /**
   * Starts a server. Blocks until it accepts connections.
   *
   * @param port TCP port on 127.0.0.1, 0 for a free one
   * @param accessKey access key id clients must sign with
   * @param secretKey secret key clients must sign with
   * @param dataDir folder to keep buckets in (created if missing); empty keeps them in memory
   * @throws IllegalStateException when the server cannot start, e.g. the port is taken
   */
  public static EmbeddedS3 start(int port, String accessKey, String secretKey, Optional<Path> dataDir) {
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
    }
    BlobStore blobStore = dataDir.map(EmbeddedS3::filesystem).orElseGet(TransientNio2BlobStore::new);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(blobStore)
        .endpoint(URI.create("http://127.0.0.1:" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .ignoreUnknownHeaders(true)
        .build();
    try {
      proxy.start();
    } catch (Exception e) {
      blobStore.close();
      throw new IllegalStateException("embedded S3 could not start on 127.0.0.1:" + port, e);
    }
    URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    LOG.warn("Development S3 (s3proxy, {}) is serving {}: not for production",
        dataDir.map(dir -> "data in " + dir).orElse("in memory"), endpoint);
    return new EmbeddedS3(proxy, blobStore, endpoint, accessKey, secretKey);
  }

  /** An in-memory server on a free port. */
  public static EmbeddedS3 startInMemory(String accessKey, String secretKey) {
    return start(0, accessKey, secretKey, Optional.empty());
  }

  private static BlobStore filesystem(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create S3 data folder " + dir, e);
    }
    return new FilesystemNio2BlobStore(dir.toAbsolutePath().toString());
  }

  /** Base URL for clients, e.g. {@code http://127.0.0.1:43123}. */
  public URI endpoint() {
    return endpoint;
  }

  public int port() {
    return endpoint.getPort();
  }

  public String accessKey() {
    return accessKey;
  }

  public String secretKey() {
    return secretKey;
  }

  /** Stops the server; buckets of an in-memory server are gone. Idempotent. */
  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("embedded S3 at " + endpoint + " did not stop cleanly", e);
    } finally {
      blobStore.close();
    }
    LOG.info("Development S3 at {} stopped", endpoint);
  }
}

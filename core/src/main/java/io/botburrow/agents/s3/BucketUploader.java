package io.botburrow.agents.s3;

import io.botburrow.agents.AgentStoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Uploads a definitions folder laid out like the agent-definitions repository ({@code agents/**},
 * {@code skills/**}) to the bucket, one object per file with the relative path as key. Hidden files
 * and everything outside those two folders are left out. Idempotent.
 */
public final class BucketUploader {
  static final List<String> FOLDERS = List.of("agents", "skills");
  private static final Logger LOG = LoggerFactory.getLogger(BucketUploader.class);
  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "yaml", "application/yaml; charset=utf-8",
      "yml", "application/yaml; charset=utf-8",
      "md", "text/markdown; charset=utf-8",
      "json", "application/json",
      "txt", "text/plain; charset=utf-8",
      "png", "image/png",
      "jpg", "image/jpeg",
      "jpeg", "image/jpeg",
      "gif", "image/gif",
      "webp", "image/webp");

  private final S3Client s3;
  private final String bucket;

  public BucketUploader(S3Client s3, String bucket) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
  }

  /**
   * Creates the bucket if missing, then uploads every file under {@code folder}/agents and
   * {@code folder}/skills. Blocks.
   *
   * @return the keys written, sorted
   * @throws UncheckedIOException when the folder cannot be read
   * @throws AgentStoreUnavailableException when the bucket cannot be reached or refuses a write
   */
  public List<String> upload(Path folder) {
    return upload(folder, "");
  }

  /**
   * As {@link #upload(Path)}, under {@code keyPrefix} of the bucket: a tenant's part ({@code botburrow.tenants.<name>
   * .bucket-prefix}).
   *
   * @param keyPrefix empty, or ending with {@code /}
   */
  public List<String> upload(Path folder, String keyPrefix) {
    if (!keyPrefix.isEmpty() && (!keyPrefix.endsWith("/") || keyPrefix.startsWith("/"))) {
      throw new IllegalArgumentException("the key prefix must end with '/' and not start with it, was '" + keyPrefix + "'");
    }
    List<Path> files = filesToUpload(folder);
    ensureBucket();
    List<String> keys = new ArrayList<>();
    for (Path file : files) {
      String key = keyPrefix + keyOf(folder, file);
      put(key, file);
      keys.add(key);
    }
    LOG.info("Uploaded {} definition object(s) from {} to s3://{}", keys.size(), folder, bucket);
    return keys.stream().sorted().toList();
  }

  static List<Path> filesToUpload(Path folder) {
    List<Path> files = new ArrayList<>();
    for (String sub : FOLDERS) {
      Path dir = folder.resolve(sub);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile).filter(f -> !isHidden(dir, f)).forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + dir, e);
      }
    }
    return files;
  }

  static String contentType(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private static boolean isHidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String keyOf(Path folder, Path file) {
    return folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      create();
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw new AgentStoreUnavailableException("HEAD s3://" + bucket + " failed: " + e.getMessage(), e);
      }
      create();
    } catch (SdkException e) {
      throw new AgentStoreUnavailableException("HEAD s3://" + bucket + " failed: " + e.getMessage(), e);
    }
  }

  private void create() {
    try {
      s3.createBucket(b -> b.bucket(bucket));
      LOG.info("Created bucket s3://{}", bucket);
    } catch (SdkException e) {
      throw new AgentStoreUnavailableException("creating s3://" + bucket + " failed: " + e.getMessage(), e);
    }
  }

  private void put(String key, Path file) {
    PutObjectRequest request =
        PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType(file)).build();
    try {
      s3.putObject(request, RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw new AgentStoreUnavailableException("PUT s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
    }
  }
}

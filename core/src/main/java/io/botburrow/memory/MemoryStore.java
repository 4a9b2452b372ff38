package io.botburrow.memory;

import io.botburrow.agents.AgentStoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Agent memory kept in the bucket, beside the definitions: an agent's private memory under {@code
 * memory/agents/<agent>/} (written back after each activation) and a team's shared knowledge under
 * {@code memory/teams/<team>/} (written only by operators, {@code ./botburrow memory push}).
 *
 * <p>Local copies are plain directories. Reading one never follows a symbolic link and skips
 * anything that is not a regular file: what an agent leaves in its memory directory cannot make
 * the runner read a file outside it.
 */
public final class MemoryStore {
  public static final String PREFIX = "memory/";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  private final S3Client s3;
  private final String bucket;

  public MemoryStore(S3Client s3, String bucket) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
  }

  /** What a directory holds: relative path (with {@code /}) to SHA-256 of its content. */
  public record Snapshot(Map<String, String> files, long bytes) {
    public static final Snapshot EMPTY = new Snapshot(Map.of(), 0);

    public Snapshot {
      files = Map.copyOf(files);
    }
  }

  /** The outcome of writing a directory back. */
  public record Saved(int written, int deleted, long bytes) {}

  public static String agentPrefix(String agent) {
    return PREFIX + "agents/" + checkName("agent", agent) + "/";
  }

  public static String teamPrefix(String team) {
    return PREFIX + "teams/" + checkName("team", team) + "/";
  }

  /** Team and agent names: letters, digits, {@code _ . -}, not starting with a dot. */
  public static String checkName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " name must match " + NAME.pattern() + ": " + name);
    }
    return name;
  }

  /**
   * Copies every object under {@code prefix} into {@code dir} (made if missing), readable by all and,
   * with {@code writable}, writable by all (the sandbox user is not the runner's).
   *
   * @return what was written, as {@link #snapshot} would read it
   * @throws AgentStoreUnavailableException when the bucket cannot be read
   */
  public Snapshot download(String prefix, Path dir, boolean writable) {
    try {
      Files.createDirectories(dir);
      Snapshot copied = copyObjects(prefix, dir);
      MemoryDirectory.openUp(dir, writable);
      return copied;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write memory to " + dir, e);
    } catch (NoSuchBucketException e) {
      return Snapshot.EMPTY;
    } catch (S3Exception | software.amazon.awssdk.core.exception.SdkClientException e) {
      throw new AgentStoreUnavailableException("memory " + prefix + " cannot be read from s3://" + bucket + ": "
          + e.getMessage(), e);
    }
  }

  private Snapshot copyObjects(String prefix, Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    long bytes = 0;
    for (S3Object object : list(prefix)) {
      String relative = object.key().substring(prefix.length());
      Path target = MemoryDirectory.safeResolve(dir, relative);
      if (target == null) {
        continue;
      }
      Files.createDirectories(target.getParent());
      byte[] content;
      try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(object.key()))) {
        content = in.readAllBytes();
      }
      Files.write(target, content);
      files.put(relative, MemoryDirectory.sha256(content));
      bytes += content.length;
    }
    return new Snapshot(files, bytes);
  }

  /** The regular files under {@code dir}, symbolic links and special files left out. */
  public static Snapshot snapshot(Path dir) {
    return MemoryDirectory.snapshot(dir, false);
  }

  /**
   * Makes the objects under {@code prefix} what {@code dir} holds now: writes the files whose content
   * differs from {@code before} (what the objects held when {@code dir} was filled) and deletes the
   * objects of files that are gone.
   *
   * @throws MemoryTooLargeException when {@code dir} holds more than {@code maxBytes}; nothing is written
   * @throws AgentStoreUnavailableException when the bucket refuses
   */
  public Saved save(String prefix, Path dir, Snapshot before, long maxBytes) {
    return write(prefix, dir, snapshot(dir), before, maxBytes);
  }

  /**
   * Replaces a team's shared knowledge with the files of {@code dir} (hidden files left out): the
   * objects of files not in {@code dir} are deleted.
   */
  public Saved pushTeam(String team, Path dir, long maxBytes) {
    return pushTeam("", team, dir, maxBytes);
  }

  /** As {@link #pushTeam(String, Path, long)}, in a tenant's part of the bucket ({@code keyPrefix}, ending with /). */
  public Saved pushTeam(String keyPrefix, String team, Path dir, long maxBytes) {
    String prefix = keyPrefix + teamPrefix(team);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("not a directory: " + dir);
    }
    Map<String, String> existing = new TreeMap<>();
    try {
      list(prefix).forEach(o -> existing.put(o.key().substring(prefix.length()), ""));
    } catch (NoSuchBucketException e) {
      // made on the first write
    }
    return write(prefix, dir, MemoryDirectory.snapshot(dir, true), new Snapshot(existing, 0), maxBytes);
  }

  private Saved write(String prefix, Path dir, Snapshot now, Snapshot before, long maxBytes) {
    if (now.bytes() > maxBytes) {
      throw new MemoryTooLargeException(now.bytes(), maxBytes);
    }
    int written = 0;
    int deleted = 0;
    try {
      ensureBucket();
      for (var file : now.files().entrySet()) {
        if (!file.getValue().equals(before.files().get(file.getKey()))) {
          byte[] content = MemoryDirectory.read(dir.resolve(file.getKey()));
          s3.putObject(b -> b.bucket(bucket).key(prefix + file.getKey()), RequestBody.fromBytes(content));
          written++;
        }
      }
      for (String gone : before.files().keySet()) {
        if (!now.files().containsKey(gone)) {
          s3.deleteObject(b -> b.bucket(bucket).key(prefix + gone));
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read memory in " + dir, e);
    } catch (S3Exception | software.amazon.awssdk.core.exception.SdkClientException e) {
      throw new AgentStoreUnavailableException("memory " + prefix + " cannot be written to s3://" + bucket + ": "
          + e.getMessage(), e);
    }
    return new Saved(written, deleted, now.bytes());
  }

  /** Keys under {@code prefix}, every page. */
  public List<S3Object> list(String prefix) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .filter(o -> !o.key().endsWith("/")).toList();
  }

  private void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      s3.createBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      s3.createBucket(b -> b.bucket(bucket));
    }
  }
}

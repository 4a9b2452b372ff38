package io.botburrow.audit.s3;

import io.botburrow.audit.AuditArchive;
import io.botburrow.audit.AuditEntry;
import io.botburrow.audit.AuditLines;
import io.botburrow.audit.AuditUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The audit archive in the bucket: {@code audit/<yyyy-mm-dd>/<agent>/<run>.jsonl} holds a run's records,
 * one JSON line each with its hash as the last field, and {@code <run>.responses.jsonl} the model responses
 * its {@code model_call} records name by hash. Retention deletes whole days.
 */
public final class S3AuditArchive implements AuditArchive {
  static final String ROOT = "audit/";
  private static final String RESPONSES = ".responses.jsonl";
  private final S3Client s3;
  private final String bucket;
  private final String root;

  public S3AuditArchive(S3Client s3, String bucket) {
    this(s3, bucket, "");
  }

  /** The archive under {@code keyPrefix} of the bucket (a tenant's bucket prefix, ending with /): {@code <keyPrefix>audit/}. */
  public S3AuditArchive(S3Client s3, String bucket, String keyPrefix) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.root = Objects.requireNonNull(keyPrefix, "keyPrefix") + ROOT;
  }

  @Override
  public void store(LocalDate day, String agent, String run, List<AuditEntry> records, List<String> responses) {
    String base = root + day + "/" + agent + "/" + run;
    StringBuilder lines = new StringBuilder();
    records.forEach(e -> lines.append(AuditLines.write(e)).append('\n'));
    put(base + ".jsonl", lines.toString());
    if (!responses.isEmpty()) {
      put(base + RESPONSES, String.join("\n", responses) + "\n");
    }
  }

  @Override
  public List<Run> read(LocalDate day) {
    List<Run> runs = new ArrayList<>();
    for (String key : keys(root + day + "/")) {
      if (!key.endsWith(".jsonl") || key.endsWith(RESPONSES)) {
        continue;
      }
      String[] parts = key.substring(root.length()).split("/");
      if (parts.length != 3) {
        continue;
      }
      List<AuditEntry> entries = get(key).lines().filter(l -> !l.isBlank()).map(AuditLines::read).toList();
      runs.add(new Run(day, parts[1], parts[2].substring(0, parts[2].length() - ".jsonl".length()), entries));
    }
    return runs;
  }

  @Override
  public List<String> responses(LocalDate day, String agent, String run) {
    try {
      return get(root + day + "/" + agent + "/" + run + RESPONSES).lines().filter(l -> !l.isBlank()).toList();
    } catch (AuditUnavailableException e) {
      if (e.getCause() instanceof NoSuchKeyException) {
        return List.of();
      }
      throw e;
    }
  }

  @Override
  public int deleteBefore(LocalDate day) {
    int deleted = 0;
    for (LocalDate d : days()) {
      if (!d.isBefore(day)) {
        break;
      }
      for (String key : keys(root + d + "/")) {
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
        deleted++;
      }
    }
    return deleted;
  }

  @Override
  public List<LocalDate> days() {
    TreeSet<LocalDate> days = new TreeSet<>();
    for (String key : keys(root)) {
      String rest = key.substring(root.length());
      int slash = rest.indexOf('/');
      if (slash > 0) {
        try {
          days.add(LocalDate.parse(rest.substring(0, slash)));
        } catch (DateTimeParseException ignored) {
          // not an archive day: left alone
        }
      }
    }
    return List.copyOf(days);
  }

  private List<String> keys(String prefix) {
    return call(() -> s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key).sorted().toList());
  }

  private String get(String key) {
    return call(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8));
  }

  private void put(String key, String body) {
    call(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/x-ndjson"),
        RequestBody.fromString(body, StandardCharsets.UTF_8)));
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (SdkException e) {
      throw new AuditUnavailableException("audit archive unavailable: " + e.getMessage(), e);
    }
  }
}

package io.botburrow.runner.audit;

import io.botburrow.activation.Activation;
import io.botburrow.audit.AuditChain;
import io.botburrow.audit.AuditEntry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chained records of one run where they are kept: each appended to the day's Redis stream at once, and all of
 * them with the run's model responses archived when it ends. After a failed append the run stops writing to Redis
 * (one timeout per run, not one per record) and the archive still gets every record.
 */
final class RunTrail {
  private final AuditRecorder recorder;
  private final AuditChain chain;
  private final LocalDate day;
  private final String agent;
  private final List<AuditEntry> entries = new ArrayList<>();
  private final List<String> responses = new ArrayList<>();
  private boolean logFailed;
  private long redisNanos;
  private long bytes;

  RunTrail(AuditRecorder recorder, Activation a, String run) {
    this.recorder = recorder;
    this.chain = new AuditChain(run, a.id().value(), a.agent());
    this.day = LocalDate.ofInstant(recorder.clock().instant(), ZoneOffset.UTC);
    this.agent = a.agent();
  }

  String run() {
    return chain.run();
  }

  String activation() {
    return chain.activation();
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized void append(String type, Map<String, ?> data) {
    long started = System.nanoTime();
    AuditEntry entry = chain.append(type, data, recorder.clock().instant());
    entries.add(entry);
    bytes += entry.line().length() + entry.hash().length();
    if (!logFailed && recorder.log() != null) {
      try {
        recorder.log().append(day, entry);
        recorder.succeeded("redis");
      } catch (RuntimeException e) {
        logFailed = true;
        recorder.failed("redis", chain.run(), e);
      }
    }
    redisNanos += System.nanoTime() - started;
  }

  /** A record with the model response it names, archived beside the records. */
  synchronized void append(String type, Map<String, ?> data, String response) {
    // one step: the n-th archived response belongs to the n-th model_call record that names one
    responses.add(response);
    append(type, data);
  }

  synchronized void archive() {
    long started = System.nanoTime();
    if (recorder.archive() != null && recorder.properties().archive()) {
      try {
        recorder.archive().store(day, agent, chain.run(), entries, responses);
        recorder.succeeded("archive");
      } catch (RuntimeException e) {
        recorder.failed("archive", chain.run(), e);
      }
    }
    recorder.metrics().recorded(Duration.ofNanos(redisNanos), Duration.ofNanos(System.nanoTime() - started), bytes);
  }
}

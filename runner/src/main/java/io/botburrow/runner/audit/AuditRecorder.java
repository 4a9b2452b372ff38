package io.botburrow.runner.audit;

import io.botburrow.activation.Activation;
import io.botburrow.audit.AuditArchive;
import io.botburrow.audit.AuditLog;
import io.botburrow.audit.AuditProperties;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.secrets.Redactor;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the audit trail of each activation run. A store that fails is counted in
 * {@code botburrow.audit.failures} and logged once per outage (until a write succeeds again); the
 * activation never fails for it.
 */
public final class AuditRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);
  public static final AuditRecorder NONE = new AuditRecorder(null, null, AuditProperties.defaults(), Redactor.none(),
      AuditMetrics.NONE, Clock.systemUTC());

  private final AuditLog log;
  private final AuditArchive archive;
  private final AuditProperties properties;
  private final Redactor redactor;
  private final AuditMetrics metrics;
  private final Clock clock;
  private final java.util.Map<String, ActivationAudit> open = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicBoolean logDown = new AtomicBoolean();
  private final AtomicBoolean archiveDown = new AtomicBoolean();

  /**
   * @param log the live trail, null for none
   * @param archive the bucket archive, null for none
   * @param redactor hides secrets in tool arguments and error texts
   */
  public AuditRecorder(AuditLog log, AuditArchive archive, AuditProperties properties, Redactor redactor,
      AuditMetrics metrics, Clock clock) {
    this.log = log;
    this.archive = archive;
    this.properties = properties;
    this.redactor = redactor;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** The trail of one delivery of {@code a}; a no-op trail when auditing is off. */
  public ActivationAudit open(Activation a, ChatModelSource pricing) {
    if (!properties.enabled() || (log == null && archive == null)) {
      return ActivationAudit.NONE;
    }
    byte[] nonce = new byte[4];
    ThreadLocalRandom.current().nextBytes(nonce);
    String run = a.id().value() + "." + a.attempt() + "." + HexFormat.of().formatHex(nonce);
    ActivationAudit audit = new ActivationAudit(this, a, run, pricing);
    open.put(a.id().value(), audit);
    return audit;
  }

  /** Sandbox events, recorded in the trail of the activation whose sandbox it is. */
  public io.botburrow.runner.sandbox.SandboxEvents sandboxEvents() {
    return new io.botburrow.runner.sandbox.SandboxEvents() {
      @Override
      public void acquired(io.botburrow.runner.sandbox.SandboxRequest request, boolean warm, long millis) {
        audit(request).ifPresent(a -> a.sandbox("acquired", java.util.Map.of("image", request.image(), "warm", warm,
            "took_ms", millis)));
      }

      @Override
      public void commandEnded(io.botburrow.runner.sandbox.SandboxRequest request, io.botburrow.runner.sandbox.ExecResult r) {
        audit(request).ifPresent(a -> a.sandbox("command", java.util.Map.of("exit_code", r.exitCode(),
            "termination", r.termination().name().toLowerCase(java.util.Locale.ROOT), "stdout_chars", r.stdout().length(),
            "stderr_chars", r.stderr().length(), "truncated", r.truncated())));
      }

      @Override
      public void closed(io.botburrow.runner.sandbox.SandboxRequest request) {
        audit(request).ifPresent(a -> a.sandbox("closed", java.util.Map.of("image", request.image())));
      }
    };
  }

  private java.util.Optional<ActivationAudit> audit(io.botburrow.runner.sandbox.SandboxRequest request) {
    return java.util.Optional.ofNullable(open.get(request.activationId()));
  }

  /** The run ended: its sandbox events go nowhere from now on. */
  void ended(String activationId, ActivationAudit audit) {
    open.remove(activationId, audit);
  }

  Clock clock() {
    return clock;
  }

  Redactor redactor() {
    return redactor;
  }

  AuditProperties properties() {
    return properties;
  }

  AuditMetrics metrics() {
    return metrics;
  }

  AuditLog log() {
    return log;
  }

  AuditArchive archive() {
    return archive;
  }

  /** A failed write: counted always, logged on the first failure of an outage. */
  void failed(String store, String run, RuntimeException e) {
    metrics.failed(store);
    AtomicBoolean down = "redis".equals(store) ? logDown : archiveDown;
    if (down.compareAndSet(false, true)) {
      LOG.warn("Audit(run={}) {} write failed, the activation goes on (further failures are only counted): {}", run, store,
          redactor.redact(String.valueOf(e.getMessage())));
    }
  }

  void succeeded(String store) {
    AtomicBoolean down = "redis".equals(store) ? logDown : archiveDown;
    if (down.compareAndSet(true, false)) {
      LOG.info("Audit {} writes succeed again", store);
    }
  }
}

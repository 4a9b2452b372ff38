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
    return new ActivationAudit(this, a, run, pricing);
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

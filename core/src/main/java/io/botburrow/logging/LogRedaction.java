package io.botburrow.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Context;
import io.botburrow.secrets.Redactor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Hands a service's secrets to the {@link RedactingEncoder}s of its logback configuration. Logback
 * starts before any service has read its configuration, so the redactor lives in the logger
 * context's object map and the encoders look it up per event. Several services in one JVM ({@code
 * ./botburrow dev}, tests) add to the same redactor.
 */
public final class LogRedaction {
  static final String CONTEXT_KEY = "io.botburrow.logging.redactor";

  private LogRedaction() {}

  /**
   * Adds {@code redactor}'s secrets to what the running logback context hides. Idempotent; does nothing
   * when logback is not the logging backend.
   */
  public static void install(Redactor redactor) {
    try {
      ILoggerFactory factory = LoggerFactory.getILoggerFactory();
      if (factory instanceof LoggerContext context) {
        install(context, redactor);
      }
    } catch (LinkageError e) {
      // logback is an optional dependency: without it there is nothing to configure
    }
  }

  /** Adds {@code redactor}'s secrets to what {@code context}'s redacting encoders hide. */
  public static void install(Context context, Redactor redactor) {
    holder(context).updateAndGet(current -> current.with(redactor));
  }

  /** The redactor installed in {@code context}, or one that hides nothing. */
  static Redactor current(Context context) {
    Object held = context == null ? null : context.getObject(CONTEXT_KEY);
    return held instanceof AtomicReference<?> ref && ref.get() instanceof Redactor r ? r : Redactor.none();
  }

  @SuppressWarnings("unchecked")
  static AtomicReference<Redactor> holder(Context context) {
    synchronized (LogRedaction.class) {
      Object held = context.getObject(CONTEXT_KEY);
      if (held instanceof AtomicReference<?> ref) {
        return (AtomicReference<Redactor>) ref;
      }
      AtomicReference<Redactor> created = new AtomicReference<>(Redactor.none());
      context.putObject(CONTEXT_KEY, created);
      return created;
    }
  }
}

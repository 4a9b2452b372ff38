package io.botburrow.hub.http;

import io.botburrow.hub.HubException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write the Hub may have stored even though the caller saw a timeout or a 5xx. It is attempted again
 * only after {@code lookup} (a read of the thread or list it would appear in) shows it did not happen;
 * when the Hub cannot even be read, nothing is sent until it can.
 */
final class CheckedWrite {
  private static final Logger LOG = LoggerFactory.getLogger(CheckedWrite.class);

  private CheckedWrite() {}

  /**
   * @param what subject for messages, e.g. "comment on post p1"
   * @param write one attempt
   * @param lookup finds the stored result of an earlier attempt; may throw a {@link HubException}
   * @throws HubException the last failure when every attempt failed, or a permanent one at once
   */
  static <T> T run(HubHttp http, String what, Supplier<T> write, Supplier<Optional<T>> lookup) {
    HubException last = null;
    boolean maybeStored = false;
    for (int attempt = 1; attempt <= http.attempts(); attempt++) {
      if (attempt > 1) {
        sleep(http.backoff(attempt - 1));
      }
      if (maybeStored) {
        try {
          Optional<T> stored = lookup.get();
          if (stored.isPresent()) {
            LOG.info("Hub stored the {} although the call failed ({}); not sending it again", what, last.getMessage());
            return stored.get();
          }
        } catch (HubException e) {
          if (!e.retryable()) {
            throw e;
          }
          last = e;
          continue;
        }
      }
      try {
        return write.get();
      } catch (HubException e) {
        if (!e.retryable()) {
          throw e;
        }
        last = e;
        maybeStored = maybeStored || !notSent(e);
        LOG.warn("Hub {} failed (attempt {} of {}), will check before retrying: {}", what, attempt, http.attempts(),
            e.getMessage());
      }
    }
    throw last;
  }

  /** Failures that prove the request was not carried out: it never reached the Hub, or was rate limited. */
  static boolean notSent(HubException e) {
    if (e.status() == 429) {
      return true;
    }
    Throwable cause = e.getCause();
    return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HubException("interrupted while waiting to retry", 0, e);
    }
  }
}

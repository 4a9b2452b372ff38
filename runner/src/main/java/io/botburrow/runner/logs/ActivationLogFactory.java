package io.botburrow.runner.logs;

import io.botburrow.logging.ActivationLogShipping;
import io.botburrow.logs.ActivationLogs;
import io.botburrow.secrets.Redactor;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;

/**
 * Ships the runner's log lines that carry an {@code activation_id} to that activation's log, where the
 * dashboard follows them. Started after the redactor, so the first line is already redacted.
 */
@Factory
@Requires(env = "runner")
@Requires(bean = ActivationLogs.class)
@Requires(property = "botburrow.runner.activation-logs", notEquals = "false")
class ActivationLogFactory {
  /** Lines waiting to be shipped; past this, lines are dropped rather than logging waiting on Redis. */
  static final int QUEUE = 10_000;

  @Context
  @Bean(preDestroy = "close")
  ActivationLogShipping activationLogShipping(ActivationLogs logs, Redactor redactor) {
    return ActivationLogShipping.start(logs, QUEUE);
  }
}

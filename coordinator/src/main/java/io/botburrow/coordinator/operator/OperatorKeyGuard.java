package io.botburrow.coordinator.operator;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checked when the coordinator starts: a coordinator outside development mode refuses to start with the
 * default or an empty operator key, rather than serving its operator API to anyone who read the docs.
 */
@Context
@Requires(env = "coordinator")
final class OperatorKeyGuard {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorKeyGuard.class);

  /** @throws ConfigurationException naming the variable to set when the key is refused */
  OperatorKeyGuard(OperatorProperties props, @Value("${" + OperatorProperties.DEV_MODE_PROPERTY + ":false}") boolean devMode) {
    props.refusal(devMode).ifPresent(reason -> {
      throw new ConfigurationException(reason);
    });
    if (props.isDefault()) {
      LOG.warn("Operator API uses the development key '{}'; set BOTBURROW_OPERATOR_KEY to change it",
          OperatorProperties.DEFAULT_KEY);
    }
  }
}

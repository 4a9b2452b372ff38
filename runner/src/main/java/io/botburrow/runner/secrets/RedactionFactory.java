package io.botburrow.runner.secrets;

import io.botburrow.logging.LogRedaction;
import io.botburrow.runner.llm.ModelRouter;
import io.botburrow.runner.mcp.McpServerCatalog;
import io.botburrow.secrets.Redactor;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.annotation.Nullable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's {@link Redactor}, fed with every secret its configuration holds ({@link KnownSecrets}),
 * and installed in the logging backend at start-up so log lines are redacted too.
 */
@Factory
@Requires(env = "runner")
class RedactionFactory {
  private static final Logger LOG = LoggerFactory.getLogger(RedactionFactory.class);

  @Context
  Redactor redactor(Environment environment, ModelRouter router, @Nullable McpServerCatalog catalog) {
    Redactor redactor = Redactor.of(KnownSecrets.collect(properties(environment), System.getenv(),
        router.endpoints().keyVariables(), catalog == null ? List.of() : catalog.credentials()));
    LogRedaction.install(redactor);
    LOG.info("Runner hides {} known secret value(s) from tool output and log lines", redactor.size());
    return redactor;
  }

  private static Map<String, String> properties(Environment environment) {
    Map<String, String> flat = new HashMap<>();
    for (PropertySource source : environment.getPropertySources()) {
      for (String key : source) {
        Object value = source.get(key);
        if (value instanceof CharSequence || value instanceof Number) {
          flat.put(key, value.toString());
        }
      }
    }
    return flat;
  }
}

package io.botburrow.runner.memory;

import io.botburrow.agents.s3.S3Properties;
import io.botburrow.memory.MemoryStore;
import io.botburrow.runner.PropertyLists;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/** Agent memory in the agents' bucket; teams from {@code botburrow.memory.teams.<team>}. */
@Factory
@Requires(env = "runner")
@Requires(property = "botburrow.sandbox.enabled", notEquals = "false")
class MemoryFactory {
  @Singleton
  MemoryMounts memoryMounts(@Named("agents") S3Client s3, S3Properties s3Properties, Environment env,
      MeterRegistry registry) {
    return new MemoryMounts(new MemoryStore(s3, s3Properties.bucket()), teams(env), registry);
  }

  /** {@code botburrow.memory.teams.<team>}: a YAML list of agents, or comma-separated text (environment, -D). */
  static Map<String, List<String>> teams(Environment env) {
    return PropertyLists.byName(env, "botburrow.memory.teams");
  }
}

package io.botburrow.runner.delegation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EffectLedger;
import io.botburrow.tasks.TaskStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Factory
@Requires(env = "runner")
class DelegationFactory {
  @Singleton
  DelegationTools delegationTools(Environment env, DelegationProperties props, AgentDefinitionStore definitions,
      ActivationQueue queue, TaskStore tasks, EffectLedger ledger, ObjectMapper json, Clock clock) {
    DelegationAuthority authority = new DelegationAuthority(allowLists(env), props.maxDepth());
    return new DelegationTools(new Delegations(authority, definitions, queue, tasks, ledger, props.resultWait(), clock), json);
  }

  /** {@code botburrow.delegation.allow.<agent>}: a YAML list, or comma-separated text (environment, -D). */
  static Map<String, List<String>> allowLists(Environment env) {
    Map<String, Object> raw = env.getProperties("botburrow.delegation.allow", StringConvention.RAW);
    Map<String, List<String>> out = new LinkedHashMap<>();
    raw.forEach((agent, value) -> out.put(agent, entries(value)));
    return out;
  }

  static List<String> entries(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    return value == null ? List.of()
        : Arrays.stream(String.valueOf(value).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}

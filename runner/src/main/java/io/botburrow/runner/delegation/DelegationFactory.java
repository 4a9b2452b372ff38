package io.botburrow.runner.delegation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EffectLedger;
import io.botburrow.runner.PropertyLists;
import io.botburrow.tasks.TaskStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
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
    return PropertyLists.byName(env, "botburrow.delegation.allow");
  }
}

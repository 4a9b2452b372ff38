package io.botburrow.runner.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.Activation;
import io.botburrow.activation.RunnerPool;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.Brain;
import io.botburrow.agents.Capabilities;
import io.botburrow.agents.memory.InMemoryAgentDefinitionStore;
import io.botburrow.hub.http.HubClientProperties;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.memory.InMemoryActivationQueue;
import io.botburrow.queue.memory.InMemoryEffectLedger;
import io.botburrow.runner.tools.ToolOutcome;
import io.botburrow.tasks.memory.InMemoryTaskStore;
import io.botburrow.tenants.Tenant;
import io.botburrow.tenants.TenantBudget;
import io.botburrow.tenants.Tenants;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Delegation between agents of two tenants: refused unless the operator lists the other tenant in delegate-to. */
class DelegationsAcrossTenantsTest {
  private final Clock clock = Clock.systemUTC();
  private final InMemoryActivationQueue queue = new InMemoryActivationQueue(QueueSettings.defaults(), clock);
  private final InMemoryAgentDefinitionStore acmeAgents = new InMemoryAgentDefinitionStore().put(agent("lead"));
  private final InMemoryAgentDefinitionStore betaAgents = new InMemoryAgentDefinitionStore().put(agent("helper"));
  private final InMemoryTaskStore acmeTasks = new InMemoryTaskStore();
  private final InMemoryTaskStore betaTasks = new InMemoryTaskStore();

  private static AgentConfig agent(String name) {
    return AgentConfig.of(name, "native", Brain.of("gpt-4o-mini"), Capabilities.none());
  }

  private Delegations delegations(Set<String> acmeDelegatesTo) {
    queue.startTerm(1);
    HubClientProperties hub = HubClientProperties.of(URI.create("http://127.0.0.1:8080"), "");
    Tenants tenants = new Tenants(List.of(Tenant.single(hub),
        new Tenant("acme", hub, "acme/", TenantBudget.NONE, acmeDelegatesTo),
        new Tenant("beta", hub, "beta/", TenantBudget.NONE, Set.of())));
    TenantParts parts = new TenantParts(tenants, t -> t.equals("beta") ? betaAgents : acmeAgents,
        t -> t.equals("beta") ? betaTasks : acmeTasks);
    return new Delegations(new DelegationAuthority(Map.of("lead", List.of("*")), 3), parts, queue,
        new InMemoryEffectLedger(clock), Duration.ZERO, clock);
  }

  private static Activation leadOfAcme() {
    return Activation.notification("lead", "mention", List.of(), Instant.now()).withTenant("acme");
  }

  @Test
  void refusesAnAgentOfAnotherTenantWithoutDelegateTo() {
    ToolOutcome outcome = delegations(Set.of()).delegate(leadOfAcme(), "beta/helper", "summarize", Instant.now().plusSeconds(60));

    assertThat(outcome.isError()).isTrue();
    assertThat(outcome.content()).isEqualTo("Delegation refused: agents of tenant acme may not hand work to tenant beta"
        + " (the operator has not listed it in botburrow.tenants.acme.delegate-to).");
    assertThat(queue.depth(io.botburrow.activation.ActivationKind.DELEGATION)).isZero();
  }

  @Test
  void handsWorkToTheOtherTenantsAgentWhereTheOperatorAllowsIt() {
    ToolOutcome outcome = delegations(Set.of("beta")).delegate(leadOfAcme(), "beta/helper", "summarize",
        Instant.now().plusSeconds(60));

    assertThat(outcome.isError()).as(outcome.content()).isFalse();
    Optional<Lease> lease = queue.claim(RunnerPool.HYBRID, "r1", Duration.ZERO);
    assertThat(lease).isPresent();
    Activation delegated = lease.get().activation();
    assertThat(delegated.tenant()).isEqualTo("beta");
    assertThat(delegated.agent()).isEqualTo("helper");
    assertThat(delegated.trigger().chain()).containsExactly("acme/lead");
    assertThat(betaTasks.get(delegated.trigger().taskId())).isPresent();
    assertThat(acmeTasks.get(delegated.trigger().taskId())).as("the task lives with the agent doing it").isEmpty();
  }

  @Test
  void aPlainNameIsAnAgentOfTheDelegatorsOwnTenant() {
    ToolOutcome outcome = delegations(Set.of("beta")).delegate(leadOfAcme(), "helper", "summarize",
        Instant.now().plusSeconds(60));

    assertThat(outcome.content()).isEqualTo("Delegation refused: there is no agent named helper.");
  }

  @Test
  void refusesATenantThatDoesNotExist() {
    ToolOutcome outcome = delegations(Set.of("beta")).delegate(leadOfAcme(), "gamma/helper", "summarize",
        Instant.now().plusSeconds(60));

    assertThat(outcome.content()).isEqualTo("Delegation refused: there is no tenant named gamma.");
  }
}

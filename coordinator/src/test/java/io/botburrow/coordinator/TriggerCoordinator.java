package io.botburrow.coordinator;

import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentConfigParser;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.memory.InMemoryAgentDefinitionStore;
import io.botburrow.coordinator.webhooks.SecretSource;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.leader.LeaderElection;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;

/**
 * A real coordinator on a real redis-server with agent definitions in memory and secrets from a map:
 * what the trigger tests run against.
 */
public final class TriggerCoordinator implements AutoCloseable {
  public static final String OPERATOR_KEY = "it-operator-key-5c1d";
  public static final String OPS = """
      name: ops-bot
      type: native
      brain:
        model: gpt-4o-mini
      capabilities:
        grants: [hub:read, hub:write]
      webhooks:
        - name: github
          events: [push]
          secret_env: GH_WEBHOOK_SECRET
          prompt: "Process this GitHub {{event}} event: {{payload}}"
        - name: alerts
          signature: hmac-sha256
          secret_env: ALERTS_WEBHOOK_SECRET
          prompt: "Alert: {{payload}}"
        - name: sneaky
          secret_env: BOTBURROW_S3_SECRET_KEY
          prompt: "{{payload}}"
      """;

  private final ApplicationContext context;
  private final URI base;

  private TriggerCoordinator(ApplicationContext context) {
    this.context = context;
    this.base = context.getBean(EmbeddedServer.class).getURI();
  }

  public static TriggerCoordinator start(LocalRedis redis, Map<String, String> secrets, Map<String, Object> extra, String... agents) {
    return start(redis, secrets, extra, List.of(), definitions(agents));
  }

  /** Definitions in memory, each with the system prompt {@code You are <name>.}. */
  public static InMemoryAgentDefinitionStore definitions(String... agents) {
    InMemoryAgentDefinitionStore store = new InMemoryAgentDefinitionStore();
    AgentConfigParser parser = new AgentConfigParser();
    for (String yaml : agents) {
      var config = parser.parse("config.yaml", yaml).config();
      store.put(new AgentDefinition(config, "You are " + config.name() + ".", List.of(), "r1"));
    }
    return store;
  }

  /** With more beans: say, the {@code AgentDefinitionStores} of tenants. */
  public static TriggerCoordinator start(LocalRedis redis, Map<String, String> secrets, Map<String, Object> extra,
      List<Object> singletons, InMemoryAgentDefinitionStore store) {
    Map<String, Object> p = new HashMap<>();
    p.put("botburrow.redis.url", redis.url());
    p.put("botburrow.hub.url", "http://127.0.0.1:9");
    p.put("botburrow.coordinator.registry-sync-interval", "0s");
    p.put("botburrow.operator.key", OPERATOR_KEY);
    p.put("micronaut.server.port", -1);
    p.putAll(extra);
    SecretSource source = name -> Optional.ofNullable(secrets.get(name));
    ApplicationContext ctx = ApplicationContext.builder().environments("coordinator").deduceEnvironment(false)
        .properties(p).singletons(store, source).singletons(singletons.toArray()).start();
    EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
    if (!server.isRunning()) {
      server.start();
    }
    LeaderElection election = ctx.getBean(LeaderElection.class);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(election::isLeader);
    return new TriggerCoordinator(ctx);
  }

  public URI uri(String path) {
    return base.resolve(path);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}

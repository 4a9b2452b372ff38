package io.botburrow.gateway.routing;

import io.botburrow.llm.LlmEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operator's routing: model aliases to ordered deployments. A caller names models (its primary,
 * then its fallbacks); each name expands to the deployments of the alias of that name, or the
 * deployment of that name, or what the caller's own resolver offers (the runner's allowed endpoints).
 * Pure once built.
 */
public final class GatewayRoutes {
  private final Map<String, Deployment> deployments;
  private final Map<String, List<Deployment>> aliases;

  public GatewayRoutes(Map<String, Deployment> deployments, Map<String, List<Deployment>> aliases) {
    this.deployments = Map.copyOf(deployments);
    this.aliases = Map.copyOf(aliases);
  }

  public static GatewayRoutes empty() {
    return new GatewayRoutes(Map.of(), Map.of());
  }

  /**
   * @param env the gateway's environment, where key variables are looked up
   * @throws IllegalArgumentException at start-up when an alias names an unknown deployment
   */
  public static GatewayRoutes from(List<DeploymentProperties> configured, List<ModelAliasProperties> aliasConfig,
      Function<String, String> env) {
    var byName = new LinkedHashMap<String, Deployment>();
    for (var d : configured) {
      var provider = d.provider() == null ? LlmEndpoint.OPENAI : d.provider();
      var url = d.url() != null ? d.url() : LlmEndpoint.defaultBaseUrl(new LlmEndpoint(provider,
          java.net.URI.create("http://x"), null, null).provider());
      var key = d.apiKeyEnv() == null || d.apiKeyEnv().isBlank() ? "" : env.apply(d.apiKeyEnv());
      var model = d.model() == null || d.model().isBlank() ? d.name() : d.model();
      byName.put(d.name(), new Deployment(d.name(), provider, url, model, key, d.apiKeyEnv(), d.timeout(),
          d.rpm() == null ? 0 : d.rpm(), d.tpm() == null ? 0 : d.tpm()));
    }
    var aliases = new LinkedHashMap<String, List<Deployment>>();
    for (var alias : aliasConfig) {
      var chain = new ArrayList<Deployment>();
      for (var name : alias.deployments() == null ? List.<String>of() : alias.deployments()) {
        var deployment = byName.get(name);
        if (deployment == null) {
          throw new IllegalArgumentException("botburrow.gateway.models." + alias.name() + ".deployments names '" + name
              + "', which is not under botburrow.gateway.deployments (known: " + String.join(", ", byName.keySet()) + ")");
        }
        chain.add(deployment);
      }
      aliases.put(alias.name(), chain);
    }
    return new GatewayRoutes(byName, aliases);
  }

  /** Whether the operator configured {@code model} as an alias or a deployment. */
  public boolean knows(String model) {
    return aliases.containsKey(model) || deployments.containsKey(model);
  }

  /** Every alias and deployment name, for error messages and {@code /v1/models}. */
  public List<String> names() {
    var names = new LinkedHashSet<String>(aliases.keySet());
    names.addAll(deployments.keySet());
    return List.copyOf(names);
  }

  /**
   * The deployments to try for {@code models} in order, each once.
   *
   * @param implicit deployments for names the operator's routes do not know (empty: refused)
   * @throws UnknownModelException when the first model resolves to nothing
   */
  public List<Deployment> chain(List<String> models, Function<String, Optional<Deployment>> implicit) {
    var chain = new LinkedHashMap<String, Deployment>();
    for (int i = 0; i < models.size(); i++) {
      var model = models.get(i);
      List<Deployment> found = aliases.containsKey(model) ? aliases.get(model)
          : deployments.containsKey(model) ? List.of(deployments.get(model))
          : implicit.apply(model).map(List::of).orElse(List.of());
      if (found.isEmpty() && i == 0) {
        throw new UnknownModelException(model, names());
      }
      found.forEach(d -> chain.putIfAbsent(d.name() + "/" + d.model(), d));
    }
    return List.copyOf(chain.values());
  }
}

package io.botburrow.runner.tenants;

import io.botburrow.activation.Activation;
import io.botburrow.llm.Usage;
import io.botburrow.runner.activation.ActivationControl;
import io.botburrow.runner.activation.ActivationHandler;
import io.botburrow.runner.activation.ActivationOutcome;
import io.botburrow.runner.activation.ActivationRunner;
import io.botburrow.tenants.Tenant;
import io.botburrow.tenants.Tenants;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each activation to the handler of its tenant: that tenant's Hub, definitions, Redis state and gateway
 * budget. The default tenant's handler is the runner's own; the others are built on first use.
 */
public final class TenantActivations implements ActivationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TenantActivations.class);
  private final Tenants tenants;
  private final ActivationHandler defaultHandler;
  private final Function<Tenant, ActivationHandler> build;
  private final Map<String, ActivationHandler> handlers = new ConcurrentHashMap<>();

  public TenantActivations(Tenants tenants, ActivationHandler defaultHandler, Function<Tenant, ActivationHandler> build) {
    this.tenants = tenants;
    this.defaultHandler = defaultHandler;
    this.build = build;
  }

  @Override
  public ActivationOutcome handle(Activation a, ActivationControl control) {
    Optional<ActivationHandler> handler = handlerOf(a.tenant());
    if (handler.isEmpty()) {
      // retrying cannot help: no runner of this deployment knows where that tenant's Hub is
      LOG.error("Activation(id={}, agent={}) names tenant '{}', which is not configured here (botburrow.tenants)",
          a.id(), a.agent(), a.tenant());
      return new ActivationOutcome.Failed("tenant '" + a.tenant() + "' is not configured on this runner", false, Usage.ZERO);
    }
    return handler.get().handle(a, control);
  }

  /** The handler of {@code tenant}, empty when this deployment does not serve it. */
  public Optional<ActivationHandler> handlerOf(String tenant) {
    if (Activation.DEFAULT_TENANT.equals(tenant)) {
      return Optional.of(defaultHandler);
    }
    return tenants.find(tenant).map(t -> handlers.computeIfAbsent(t.name(), name -> build.apply(t)));
  }
}

package io.botburrow.runner.llm;

import io.botburrow.gateway.Gateway;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.cost.PriceTable;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.DeploymentChain;
import io.botburrow.hub.BudgetHealth;
import io.botburrow.llm.ChatModel;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;

/**
 * {@link ChatModelSource} over the embedded gateway. Each activation gets a token the runner mints
 * (agent, activation, tenant, expiring at the activation's deadline) and every call presents it, so
 * the native loop is metered, budgeted and routed like any other gateway caller. Model names the
 * operator's gateway routes know (aliases, deployments) go there; any other name is served by the
 * agent's allowed endpoint ({@link ModelRouter}) with that name.
 */
public final class GatewayChatModelSource implements ChatModelSource {
  private final Gateway gateway;
  private final PriceTable prices;
  private final Duration timeout;
  private final String tenant;

  public GatewayChatModelSource(Gateway gateway, PriceTable prices, Duration timeout, String tenant) {
    this.gateway = gateway;
    this.prices = prices;
    this.timeout = timeout;
    this.tenant = tenant;
  }

  @Override
  public ChatModel model(ModelRoute route, Scope scope) {
    return model(route, scope, ModelCallObserver.NONE);
  }

  @Override
  public ChatModel model(ModelRoute route, Scope scope, ModelCallObserver observer) {
    var models = new ArrayList<String>();
    models.add(route.model());
    scope.fallbackModels().stream().filter(m -> !models.contains(m)).forEach(models::add);
    var token = gateway.tokens().mint(new Caller(scope.agent(), scope.activationId(), tenant, scope.deadline(),
        scope.tokenLimit(), models, "native"));
    return request -> {
      long started = System.nanoTime();
      DeploymentChain.Served served;
      try {
        var caller = gateway.tokens().verify(token);
        var chain = gateway.chainFor(caller, request.model(), model -> Optional.of(onEndpoint(route, model, timeout)));
        served = gateway.call(caller, request, chain, null);
      } catch (RuntimeException e) {
        observer.failed(request, e, Duration.ofNanos(System.nanoTime() - started));
        throw e;
      }
      var response = served.response();
      var answer = new ChatResponse(response.content(), response.toolCalls(), response.usage(), response.finishReason(),
          served.deployment().model());
      observer.served(request, answer, served.deployment().name(),
          served.skipped().stream().map(s -> new ModelCallObserver.Skipped(s.deployment(), s.reason())).toList(),
          Duration.ofNanos(System.nanoTime() - started));
      return answer;
    };
  }

  /** The agent's own endpoint serving {@code model}: the runner's allow-list decided where it is and its key. */
  public static Deployment onEndpoint(ModelRoute route, String model, Duration timeout) {
    var base = route.baseUrl();
    var name = route.provider() + ":" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort()) + "/" + model;
    return new Deployment(name, route.provider(), base, model, route.apiKey(), route.provider() + ":" + base.getHost(),
        timeout, 0, 0);
  }

  /** The gateway's count when the operator budgets the agent there: one source for the runner and every call. */
  @Override
  public Optional<BudgetHealth> budgetHealth(String agent) {
    return gateway.limitsAgentSpend(agent, tenant) ? Optional.of(gateway.budgetHealth(agent, tenant)) : Optional.empty();
  }

  @Override
  public double cost(String model, Usage usage) {
    return prices.cost(model, usage).orElse(0);
  }
}

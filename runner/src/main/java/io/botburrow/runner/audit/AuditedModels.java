package io.botburrow.runner.audit;

import io.botburrow.hub.BudgetHealth;
import io.botburrow.llm.ChatModel;
import io.botburrow.llm.Usage;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.ModelRoute;
import java.util.Optional;

/** A model source whose models' calls are recorded in one activation's audit trail. */
final class AuditedModels implements ChatModelSource {
  private final ChatModelSource models;
  private final ActivationAudit audit;

  AuditedModels(ChatModelSource models, ActivationAudit audit) {
    this.models = models;
    this.audit = audit;
  }

  @Override
  public ChatModel model(ModelRoute route, Scope scope) {
    return models.model(route, scope, audit);
  }

  @Override
  public double cost(String model, Usage usage) {
    return models.cost(model, usage);
  }

  @Override
  public Optional<BudgetHealth> budgetHealth(String agent) {
    return models.budgetHealth(agent);
  }
}

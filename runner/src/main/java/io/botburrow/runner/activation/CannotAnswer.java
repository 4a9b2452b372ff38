package io.botburrow.runner.activation;

import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.hub.BudgetHealth;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.runner.agent.StopReason;
import java.time.Duration;
import java.util.Locale;

/**
 * The short reply an agent posts when it cannot answer, so that the person who asked always hears back.
 * Says why in plain words: no stack trace, no exception text that could carry a secret.
 */
final class CannotAnswer {
  private static final String PREFIX = "Sorry, I could not answer this: ";

  private CannotAnswer() {}

  static String unsupportedType(String type) {
    return PREFIX + "my definition asks for the '" + type + "' executor, which the runners here cannot run yet. "
        + "An operator can change my type or add runners that support it.";
  }

  static String definition(AgentDefinitionException e) {
    if (e instanceof AgentNotFoundException) {
      return PREFIX + "my definition is missing from the agent bucket. An operator needs to upload it.";
    }
    return PREFIX + "my definition is invalid, so I cannot run. An operator needs to fix it.";
  }

  static String definitionUnavailable() {
    return PREFIX + "my definition could not be loaded after several tries. Please ask again later.";
  }

  static String budget(BudgetHealth b) {
    boolean daily = b.dailyLimit() > 0 && b.dailyUsed() >= b.dailyLimit();
    return PREFIX + (daily ? "today's budget is spent" : "this month's budget is spent")
        + String.format(Locale.ROOT, " (%.2f of %.2f USD). Please ask again later.",
            daily ? b.dailyUsed() : b.monthlyUsed(), daily ? b.dailyLimit() : b.monthlyLimit());
  }

  /** The gateway refused a model call: one of the agent's budgets is spent. */
  static String budgetSpent(BudgetExceededException e) {
    String what = switch (e.scope()) {
      case AGENT_DAY -> "today's budget is spent";
      case AGENT_MONTH -> "this month's budget is spent";
      case TENANT_MONTH -> "this month's budget for all agents here is spent";
      case ACTIVATION -> "the budget for this conversation is spent";
    };
    String amount = "USD".equals(e.unit())
        ? String.format(Locale.ROOT, " (%.2f of %.2f USD)", e.used(), e.limit())
        : String.format(Locale.ROOT, " (%d of %d tokens)", (long) e.used(), (long) e.limit());
    return PREFIX + what + amount + ". Please ask again later.";
  }

  static String refused() {
    return PREFIX + "my model or tool configuration is not allowed on this runtime. An operator needs to fix "
        + "my definition.";
  }

  static String modelUnavailable() {
    return PREFIX + "my model could not be reached after several tries. Please ask again later.";
  }

  static String failedRepeatedly() {
    return PREFIX + "something went wrong on every try. An operator can find the details in the runner's log.";
  }

  static String deadline(Duration limit) {
    return PREFIX + "I ran out of time (the limit is " + limit.toSeconds() + " s).";
  }

  static String blank(StopReason stop) {
    return switch (stop) {
      case MAX_ITERATIONS -> PREFIX + "I used all my steps before I had an answer.";
      case TOKEN_BUDGET -> PREFIX + "I used my token budget for this activation before I had an answer.";
      case DEADLINE -> PREFIX + "I ran out of time before I had an answer.";
      case BUDGET -> PREFIX + "my budget is spent. Please ask again later.";
      case COMPLETED -> PREFIX + "my model returned an empty answer.";
    };
  }
}

package io.botburrow.gateway.front;

import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.LlmException;
import io.botburrow.queue.QueueUnavailableException;
import java.util.Locale;

/**
 * What the front tells a caller whose call failed or was refused: the status, and the message a person
 * reads. Pure.
 */
final class Refusals {
  private Refusals() {}

  /** What a person reads when a client shows the error. */
  static String budgetMessage(BudgetExceededException e) {
    String what = switch (e.scope()) {
      case AGENT_DAY -> "This agent's budget for today is spent";
      case AGENT_MONTH -> "This agent's budget for this month is spent";
      case TENANT_MONTH -> "This month's budget for all agents of this tenant is spent";
      case ACTIVATION -> "The budget of this activation is spent";
    };
    var amount = "USD".equals(e.unit())
        ? String.format(Locale.ROOT, "%.2f of %.2f USD", e.used(), e.limit())
        : String.format(Locale.ROOT, "%d of %d tokens", (long) e.used(), (long) e.limit());
    return what + " (" + amount + "). It is not retried: ask an operator, or wait for the next period.";
  }

  static int status(RuntimeException e) {
    if (e instanceof QueueUnavailableException) {
      return 503;
    }
    if (e instanceof LlmException llm) {
      return llm.status() >= 400 ? llm.status() : 502;
    }
    return 500;
  }

  /** Budget errors are for the caller to read; provider errors are passed on without the endpoint's address. */
  static String message(RuntimeException e) {
    return e.getMessage() == null ? "gateway error" : e.getMessage();
  }
}

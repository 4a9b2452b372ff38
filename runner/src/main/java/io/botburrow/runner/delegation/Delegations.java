package io.botburrow.runner.delegation;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.Trigger;
import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.queue.EffectLedger;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.FencedOutException;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.runner.tools.ToolOutcome;
import io.botburrow.tasks.Task;
import io.botburrow.tasks.TaskState;
import io.botburrow.tasks.TaskStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a task from one agent to another as a {@code delegation} activation and brings the result
 * back: inline while the delegator waits (up to {@code wait}, within its own deadline), else as a
 * follow-up activation of the delegator when the work ends. Exactly one of the two delivers: each
 * takes the ledger entry {@code delegation-delivered:<task>} first.
 */
public final class Delegations {
  private static final Logger LOG = LoggerFactory.getLogger(Delegations.class);
  private static final Duration REMEMBER = Duration.ofDays(2);
  private static final Duration POLL = Duration.ofMillis(100);
  // leaves the delegator time to use the answer before its own deadline
  private static final Duration DEADLINE_MARGIN = Duration.ofSeconds(10);
  private final DelegationAuthority authority;
  private final TenantParts tenants;
  private final ActivationQueue queue;
  private final EffectLedger ledger;
  private final Duration wait;
  private final Clock clock;

  /** A deployment of one tenant. */
  public Delegations(DelegationAuthority authority, AgentDefinitionStore definitions, ActivationQueue queue, TaskStore tasks,
      EffectLedger ledger, Duration wait, Clock clock) {
    this(authority, TenantParts.single(definitions, tasks), queue, ledger, wait, clock);
  }

  /** @param tenants each tenant's definitions and tasks, and which tenants may hand work to which */
  public Delegations(DelegationAuthority authority, TenantParts tenants, ActivationQueue queue, EffectLedger ledger,
      Duration wait, Clock clock) {
    this.authority = authority;
    this.tenants = tenants;
    this.queue = queue;
    this.ledger = ledger;
    this.wait = wait;
    this.clock = clock;
  }

  DelegationAuthority authority() {
    return authority;
  }

  /** Blocks up to the wait; refusals and failures of the delegate are tool errors for the model. */
  ToolOutcome delegate(Activation from, String to, String work, Instant deadline) {
    return delegate(from, to, work, deadline, null);
  }

  /**
   * As {@link #delegate(Activation, String, String, Instant)}; a late result goes to the thread of the
   * delegator's trigger, else to {@code answering}, the Hub thread it was answering in (a mention).
   */
  ToolOutcome delegate(Activation from, String to, String work, Instant deadline, String answering) {
    List<String> chain = from.trigger() == null ? List.of() : from.trigger().chain();
    TenantParts.Target target = TenantParts.target(from.tenant(), to);
    Optional<String> refusal = tenants.refusal(from.tenant(), target.tenant())
        .or(() -> authority.refusal(from.agent(), to, chain));
    if (refusal.isPresent()) {
      LOG.info("Activation(id={}, agent={}) delegation to {} refused: {}", from.id(), from.agent(), to, refusal.get());
      return ToolOutcome.error("Delegation refused: " + refusal.get() + ".");
    }
    if (!exists(target)) {
      return ToolOutcome.error("Delegation refused: there is no agent named " + to + ".");
    }
    TaskStore tasks = tenants.tasks(target.tenant());
    List<String> next = new ArrayList<>(chain);
    // across tenants the chain names the delegator with its tenant, so that a late result finds its way back
    next.add(target.tenant().equals(from.tenant()) ? from.agent() : from.tenant() + "/" + from.agent());
    // the same request from a redelivered activation names the same task
    String key = "delegation:" + from.id().value() + ":" + to + ":" + sha256(work).substring(0, 16);
    String taskId = "t-" + sha256(key).substring(0, 24);
    Instant now = clock.instant();
    String prompt = "Task delegated to you by " + from.agent() + " (chain: " + String.join(" → ", next) + " → " + to + "):\n" + work;
    Activation activation = Activation.triggered(target.agent(), ActivationKind.DELEGATION,
        new Trigger(key, taskId, "delegation from " + from.agent(), prompt, null, REMEMBER, next), now)
        .withTenant(target.tenant());
    tasks.create(Task.submitted(taskId, to, ActivationKind.DELEGATION.wireName(), prompt, now, activation.id().value()));
    EnqueueResult result;
    try {
      result = queue.submit(activation);
    } catch (FencedOutException e) {
      tasks.cancel(taskId, "not enqueued: no coordinator leads", now);
      return ToolOutcome.error("Delegation failed: the queue accepts no work right now (no coordinator leads); try again later.");
    }
    LOG.info("Activation(id={}, agent={}) delegated task {} to {}: {}", from.id(), from.agent(), taskId, to, result);
    return awaitResult(from, to, tasks, taskId, deadline, answering);
  }

  private ToolOutcome awaitResult(Activation from, String to, TaskStore tasks, String taskId, Instant deadline,
      String answering) {
    Instant until = min(clock.instant().plus(wait), deadline.minus(DEADLINE_MARGIN));
    while (clock.instant().isBefore(until)) {
      Optional<ToolOutcome> done = deliverInline(to, tasks, taskId);
      if (done.isPresent()) {
        return done.get();
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL.toMillis()));
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted while waiting for " + to);
      }
    }
    // from now on the end of the work sends the result as a follow-up, unless it ended meanwhile
    // the delegator's thread, when its work had one, is where the late answer belongs
    String thread = from.trigger() != null && from.trigger().thread() != null ? from.trigger().thread()
        : answering == null ? "" : answering;
    ledger.tryRecord("delegation-followup:" + taskId, "thread:" + thread, REMEMBER);
    return deliverInline(to, tasks, taskId).orElseGet(() -> ToolOutcome.ok(to + " is still working on task " + taskId
        + ". Its result will reach you as a new activation when it is done; do not wait for it. Tell whoever asked"
        + " that " + to + " is on it."));
  }

  private Optional<ToolOutcome> deliverInline(String to, TaskStore tasks, String taskId) {
    Optional<Task> task = tasks.get(taskId);
    if (task.isEmpty() || !task.get().state().terminal()) {
      return Optional.empty();
    }
    String delivered = "delegation-delivered:" + taskId;
    // a redelivered delegator asking again gets the answer again; only a follow-up's claim stops it
    if (!ledger.tryRecord(delivered, "inline", REMEMBER) && !ledger.lookup(delivered).orElse("inline").equals("inline")) {
      return Optional.of(ToolOutcome.ok(to + " finished task " + taskId + "; its result comes to you as a follow-up."));
    }
    Task t = task.get();
    return Optional.of(switch (t.state()) {
      case COMPLETED -> ToolOutcome.ok(to + " completed task " + taskId + ". Its answer (credit " + to + " when you use it):\n"
          + (t.result() == null ? "" : t.result()));
      case CANCELED -> ToolOutcome.error(to + "'s task " + taskId + " was canceled.");
      default -> ToolOutcome.error(to + " could not do task " + taskId + ": " + t.error());
    });
  }

  /** Sends the result to a delegator that stopped waiting. Never throws. */
  void ended(Activation delegated, TaskState state, String text) {
    Trigger trigger = delegated.trigger();
    if (trigger == null || trigger.taskId() == null || trigger.chain().isEmpty()) {
      return;
    }
    String taskId = trigger.taskId();
    try {
      Optional<String> followUp = ledger.lookup("delegation-followup:" + taskId);
      if (followUp.isEmpty() || !ledger.tryRecord("delegation-delivered:" + taskId, "follow-up", REMEMBER)) {
        return;
      }
      List<String> chain = trigger.chain();
      TenantParts.Target delegator = TenantParts.target(delegated.tenant(), chain.getLast());
      String outcome = state == TaskState.COMPLETED ? "completed it. Its answer:\n" + text : "could not do it: " + text;
      String prompt = delegated.agent() + " has finished task " + taskId + " that you delegated to it, and " + outcome
          + "\nContinue your work with this result, and credit " + delegated.agent() + " for it.";
      Activation result = Activation.triggered(delegator.agent(), ActivationKind.DELEGATION,
          new Trigger("delegation-result:" + taskId, null, "result of " + taskId + " from " + delegated.agent(), prompt,
              followUp.get().substring(followUp.get().indexOf(':') + 1), REMEMBER, chain.subList(0, chain.size() - 1)),
          clock.instant()).withTenant(delegator.tenant());
      LOG.info("Agent(name={}) result of task {} sent to {} as a follow-up: {}", delegated.agent(), taskId, delegator,
          queue.submit(result));
    } catch (RuntimeException e) {
      LOG.warn("Agent(name={}) result of task {} could not be sent to its delegator: {}", delegated.agent(), taskId, e.toString());
    }
  }

  private boolean exists(TenantParts.Target target) {
    try {
      tenants.definitions(target.tenant()).load(target.agent());
      return true;
    } catch (AgentNotFoundException e) {
      return false;
    } catch (AgentDefinitionException e) {
      return true;
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.botburrow.runner.executor.cli;

import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.Usage;
import io.botburrow.runner.agent.LoopResult;
import io.botburrow.runner.agent.NativeAgentLoop;
import io.botburrow.runner.agent.StopReason;
import io.botburrow.runner.memory.MemoryMounts;
import io.botburrow.runner.executor.AgentExecutor;
import io.botburrow.runner.sandbox.ExecResult;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxException;
import io.botburrow.secrets.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CLI executor: runs an agent CLI ({@link CliAgent}) in the activation's sandbox behind the gateway
 * forwarder, and reads its final answer. Its model calls are metered by the gateway, not by what the
 * CLI reports. Closing removes the sandbox (killing a CLI still running) and the gateway socket.
 */
public final class CliExecutor implements AgentExecutor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CliExecutor.class);
  /** The forwarder in the CLI images: serves the mounted socket on the sandbox's loopback, then runs the CLI. */
  static final String FORWARDER = "/opt/botburrow/with-gateway";
  static final int OUTPUT_CAP_BYTES = 4 * 1024 * 1024;
  /** The deadline watchdog, not the command timeout, should end a CLI: it explains the timeout. */
  static final Duration TIMEOUT_GRACE = Duration.ofSeconds(5);
  private static final int STDERR_LINES = 10;

  private final CliAgent agent;
  private final Sandbox sandbox;
  private final AutoCloseable gateway;
  private final Meter meter;
  private final CliTask template;
  private final Map<String, String> env;
  private final Instant deadline;
  private final Clock clock;
  private final Redactor redactor;
  private final MemoryMounts.Loaded memory;

  /**
   * @param env the CLI's environment, set on its command (a warm sandbox was started without it)
   * @param memory what the sandbox was given of the agent's memory, written back on close; null: none
   */
  CliExecutor(CliAgent agent, Sandbox sandbox, AutoCloseable gateway, Meter meter, CliTask template,
      Map<String, String> env, Instant deadline, Clock clock, Redactor redactor, MemoryMounts.Loaded memory) {
    this.memory = memory;
    this.agent = agent;
    this.sandbox = sandbox;
    this.gateway = gateway;
    this.meter = meter;
    this.template = template;
    this.env = Map.copyOf(env);
    this.deadline = deadline;
    this.clock = clock;
    this.redactor = redactor;
  }

  @Override
  public String name() {
    return agent.name();
  }

  @Override
  public LoopResult run(ChatMessage.User task) {
    CliTask cliTask = template.withPrompt(task.content());
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      return new LoopResult("", StopReason.DEADLINE, 0, Usage.ZERO, 0, template.model());
    }
    Meter.Mark mark = meter.mark();
    List<String> argv = new ArrayList<>();
    argv.add("env");
    env.forEach((name, value) -> argv.add(name + "=" + value));
    argv.add(FORWARDER);
    argv.addAll(agent.command(cliTask));
    long started = System.nanoTime();
    ExecResult result = sandbox.exec(argv, left.plus(TIMEOUT_GRACE), OUTPUT_CAP_BYTES);
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (result.timedOut()) {
      throw new SandboxException(agent.name() + " ran past the activation deadline and was killed", false);
    }
    // the CLI has ended: every call it made is metered by now
    Meter.Used used = meter.since(mark);
    if (meter.budget() != null) {
      // the gateway refused a call because a budget is spent: whatever the CLI made of that, this is why
      LOG.info("Agent(name={}) {} stopped after {} ms: budget ({})", sandbox.request().agent(), agent.name(), millis,
          meter.budget().getMessage());
      return new LoopResult("", StopReason.BUDGET, used.calls(), used.usage(), used.cost(), template.model(),
          meter.budget());
    }
    var output = agent.read(result.stdout());
    if (output.isEmpty()) {
      LOG.warn("Agent(name={}) {} ended without an answer (exit {}, {}) after {} ms; last stderr lines:\n{}",
          sandbox.request().agent(), agent.name(), result.exitCode(), result.termination(), millis, lastLines(result.stderr()));
      throw new SandboxException(agent.name() + " ended without an answer (exit " + result.exitCode() + ")", false);
    }
    if (output.get().error()) {
      LOG.warn("Agent(name={}) {} reported an error (exit {}) after {} ms: {}; last stderr lines:\n{}",
          sandbox.request().agent(), agent.name(), result.exitCode(), millis, redactor.redact(output.get().text()),
          lastLines(result.stderr()));
      throw new SandboxException(agent.name() + " reported an error: " + redactor.redact(output.get().text()), false);
    }
    LOG.info("Agent(name={}) {} answered in {} ms, {} turn(s), {} model call(s) metered by the gateway",
        sandbox.request().agent(), agent.name(), millis, output.get().turns(), used.calls());
    return new LoopResult(output.get().text(), output.get().stopReason(), output.get().turns(), used.usage(), used.cost(),
        used.model().isEmpty() ? template.model() : used.model());
  }

  private String lastLines(String stderr) {
    List<String> lines = stderr.lines().toList();
    return redactor.redact(String.join("\n", lines.subList(Math.max(0, lines.size() - STDERR_LINES), lines.size())));
  }

  @Override
  public void close() {
    if (memory == null) {
      sandbox.close();
    } else {
      sandbox.close(memory::save);
    }
    try {
      gateway.close();
    } catch (Exception e) {
      LOG.debug("Gateway access close failed: {}", e.toString());
    }
  }

  /** Counts the gateway's metered calls of one activation and passes them on to its tally. */
  static final class Meter implements NativeAgentLoop.CallMeter, CliGateway.Refusals, io.botburrow.runner.llm.ModelCallObserver {
    private final NativeAgentLoop.CallMeter next;
    private volatile BudgetExceededException budget;
    private Usage usage = Usage.ZERO;
    private double cost;
    private int calls;
    private String model = "";

    Meter(NativeAgentLoop.CallMeter next) {
      this.next = next;
    }

    record Mark(Usage usage, double cost, int calls) {}

    record Used(Usage usage, double cost, int calls, String model) {}

    @Override
    public void called(String model, Usage callUsage, double costUsd) {
      synchronized (this) {
        usage = usage.plus(callUsage);
        cost += costUsd;
        calls++;
        this.model = model;
      }
      next.called(model, callUsage, costUsd);
    }

    @Override
    public void served(io.botburrow.llm.ChatRequest request, io.botburrow.llm.ChatResponse response, String deployment,
        java.util.List<Skipped> skipped, java.time.Duration took) {
      if (next instanceof io.botburrow.runner.llm.ModelCallObserver observer) {
        observer.served(request, response, deployment, skipped, took);
      }
    }

    @Override
    public void refused(RuntimeException failure) {
      if (failure instanceof BudgetExceededException spent) {
        budget = spent;
      }
    }

    /** The budget the gateway refused this activation a call for, or null. */
    BudgetExceededException budget() {
      return budget;
    }

    synchronized Mark mark() {
      return new Mark(usage, cost, calls);
    }

    synchronized Used since(Mark mark) {
      return new Used(new Usage(usage.inputTokens() - mark.usage().inputTokens(),
          usage.outputTokens() - mark.usage().outputTokens()), cost - mark.cost(), calls - mark.calls(), model);
    }
  }
}

package io.botburrow.runner.activation;

import io.botburrow.activation.Activation;
import io.botburrow.runner.audit.ActivationAudit;
import java.time.Duration;
import java.time.Instant;

/** The state of one activation while it runs: its lease control, tally, audit trail and deadline watchdog. */
final class ActivationRun {
  final Activation activation;
  final ActivationControl control;
  final RunTally tally;
  final Instant start;
  final ActivationAudit audit;
  final Thread thread = Thread.currentThread();
  String toolType = "unknown";
  // set once the agent ran: only then it rests afterwards (a task canceled before its start does not)
  Duration cooldown;
  Watchdog.Timer timer;
  Duration limit;
  Instant deadline;

  private final Watchdog watchdog;

  ActivationRun(Activation activation, ActivationControl control, RunTally tally, Instant start, ActivationAudit audit,
      Watchdog watchdog) {
    this.watchdog = watchdog;
    this.audit = audit;
    this.activation = activation;
    this.control = control;
    this.tally = tally;
    this.start = start;
  }

  /** (Re-)arms the watchdog for {@code limit} from the start; a limit already passed fires at once. */
  void arm(Duration newLimit) {
    if (timer != null && timer.fired()) {
      return;
    }
    disarm();
    limit = newLimit;
    deadline = start.plus(newLimit);
    timer = watchdog.arm(thread, deadline);
  }

  void disarm() {
    if (timer != null) {
      timer.close();
    }
  }
}

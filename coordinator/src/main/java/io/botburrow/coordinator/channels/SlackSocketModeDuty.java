package io.botburrow.coordinator.channels;

import io.botburrow.agents.AgentStoreUnavailableException;
import io.botburrow.channels.slack.SlackEvent;
import io.botburrow.channels.slack.SlackSocketMode;
import io.botburrow.coordinator.duties.LeaderDuty;
import io.botburrow.coordinator.ingress.TriggerIngress;
import io.botburrow.queue.QueueUnavailableException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack events over Socket Mode, for deployments Slack cannot reach over HTTP: the leader holds the one
 * connection and hands each event to the {@link ChannelIntake} like the Events API endpoint does. An
 * event that cannot be enqueued (Redis unreachable, no term yet) is not acknowledged, so Slack sends
 * it again.
 */
public final class SlackSocketModeDuty implements LeaderDuty {
  private static final Logger LOG = LoggerFactory.getLogger(SlackSocketModeDuty.class);
  private final Supplier<SlackSocketMode> connections;
  private final ChannelIntake intake;
  private SlackSocketMode connection;

  public SlackSocketModeDuty(Supplier<SlackSocketMode> connections, ChannelIntake intake) {
    this.connections = connections;
    this.intake = intake;
  }

  @Override
  public String name() {
    // one connection per tenant's app, each a duty of its own
    return LeaderDuty.tenantName("slack-socket-mode", intake.tenant());
  }

  @Override
  public synchronized void start(long fencingToken) {
    stop();
    connection = connections.get();
    connection.onEvent(payload -> switch (SlackEvent.read(payload)) {
      case SlackEvent.Message m -> take(m);
      case SlackEvent.Ignored i -> {
        intake.count("slack", "-", "ignored");
        yield true;
      }
      case SlackEvent.UrlVerification v -> true;
    });
    connection.connect();
  }

  private boolean take(SlackEvent.Message m) {
    try {
      intake.accept(m.message(), true, true);
      return true;
    } catch (TriggerIngress.NoLeaderException | QueueUnavailableException | AgentStoreUnavailableException e) {
      LOG.warn("Slack event {} not enqueued, left for Slack to resend: {}", m.eventId(), e.getMessage());
      return false;
    }
  }

  @Override
  public synchronized void stop() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }
}

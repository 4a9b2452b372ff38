package io.botburrow.coordinator.channels;

import io.botburrow.channels.MessagingChannel;
import io.botburrow.coordinator.duties.LeaderDuty;
import io.botburrow.coordinator.ingress.TriggerIngress;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.agents.AgentStoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's one Discord Gateway connection, held by the coordinator leader only: Discord delivers each
 * message once per connection, so one connection per bot means one activation per message (the
 * message id's key deduplicates the rest). Messages that mention the bot, or any message in a channel
 * with {@code respond: all}, go through the {@link ChannelIntake}. A new leader resumes nothing: it
 * identifies anew.
 */
public final class DiscordGatewayDuty implements LeaderDuty {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordGatewayDuty.class);
  private final java.util.function.Supplier<MessagingChannel> gateways;
  private final ChannelIntake intake;
  private MessagingChannel gateway;

  public DiscordGatewayDuty(java.util.function.Supplier<MessagingChannel> gateways, ChannelIntake intake) {
    this.gateways = gateways;
    this.intake = intake;
  }

  @Override
  public String name() {
    return "discord-gateway";
  }

  @Override
  public synchronized void start(long fencingToken) {
    stop();
    gateway = gateways.get();
    gateway.onMessage(m -> {
      try {
        intake.accept(m, true, true);
      } catch (TriggerIngress.NoLeaderException | QueueUnavailableException | AgentStoreUnavailableException e) {
        LOG.warn("Discord message {} not enqueued: {}", m.key(), e.getMessage());
      }
    });
    gateway.connect();
  }

  @Override
  public synchronized void stop() {
    if (gateway != null) {
      gateway.close();
      gateway = null;
    }
  }
}

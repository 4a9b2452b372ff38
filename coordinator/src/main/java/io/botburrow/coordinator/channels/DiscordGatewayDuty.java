package io.botburrow.coordinator.channels;

import io.botburrow.channels.InboundMessage;
import io.botburrow.channels.MessagingChannel;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * with {@code respond: all}, go through the {@link ChannelIntake}. Discord does not send a message
 * again, so one that cannot be enqueued (Redis unreachable) is tried again with growing pauses for
 * about a minute. The session is kept in Redis, so a new leader resumes it and Discord replays the
messages of the hand-over (their keys deduplicate any the old leader already enqueued).
 */
public final class DiscordGatewayDuty implements LeaderDuty {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordGatewayDuty.class);
  static final int MAX_TRIES = 7;
  private final java.util.function.Supplier<MessagingChannel> gateways;
  private final ChannelIntake intake;
  private final ScheduledExecutorService retries;
  private final Duration firstPause;
  private MessagingChannel gateway;

  /**
   * @param retries where a message that could not be enqueued is tried again
   * @param firstPause the pause before the second try; each next one doubles
   */
  public DiscordGatewayDuty(java.util.function.Supplier<MessagingChannel> gateways, ChannelIntake intake,
      ScheduledExecutorService retries, Duration firstPause) {
    this.gateways = gateways;
    this.intake = intake;
    this.retries = retries;
    this.firstPause = firstPause;
  }

  @Override
  public String name() {
    // one connection per tenant's bot, each a duty of its own
    return LeaderDuty.tenantName("discord-gateway", intake.tenant());
  }

  @Override
  public synchronized void start(long fencingToken) {
    stop();
    gateway = gateways.get();
    gateway.onMessage(m -> take(m, 1));
    gateway.connect();
  }

  private void take(InboundMessage m, int attempt) {
    try {
      intake.accept(m, true, true);
    } catch (TriggerIngress.NoLeaderException | QueueUnavailableException | AgentStoreUnavailableException e) {
      if (attempt >= MAX_TRIES) {
        LOG.error("Discord message {} not enqueued after {} tries: {}", m.key(), attempt, e.getMessage());
        return;
      }
      Duration pause = firstPause.multipliedBy(1L << (attempt - 1));
      LOG.warn("Discord message {} not enqueued ({}); trying again in {} ms", m.key(), e.getMessage(), pause.toMillis());
      retries.schedule(() -> take(m, attempt + 1), pause.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    if (gateway != null) {
      gateway.close();
      gateway = null;
    }
  }
}

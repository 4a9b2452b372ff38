package io.botburrow.coordinator.channels;

import io.botburrow.channels.ChannelException;
import io.botburrow.channels.ChannelRouting;
import io.botburrow.channels.InboundMessage;
import io.botburrow.channels.MessagingChannel;
import io.botburrow.channels.MessagingChannels;
import io.botburrow.channels.OutgoingMessage;
import io.botburrow.coordinator.ingress.TriggerIngress;
import io.botburrow.queue.EnqueueResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a message from Slack or Discord becomes work: the agent it is for is found
 * ({@link ChannelRouting}), the message becomes a MESSAGE activation (a mention's priority) keyed by the
 * platform's message id, so a retried or replayed delivery is not enqueued twice, and the message gets
 * a reaction when accepted. A message no agent can take gets a reply saying why. Platform calls run on
 * {@code background}, so the platform hears back within its deadline.
 */
public final class ChannelIntake {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelIntake.class);
  private final ChannelDirectory directory;
  private final TriggerIngress ingress;
  private final MessagingChannels channels;
  private final MeterRegistry registry;
  private final Executor background;
  private final Duration dedupFor;
  private final String slackReaction;
  private final String discordReaction;
  private final String tenant;

  /** What became of a message. */
  public enum Outcome {
    ACCEPTED, DUPLICATE, IGNORED, REFUSED;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One tenant's intake: {@code directory} reads the tenant's definitions, {@code ingress} enqueues work carrying the
   * tenant, and {@code channels} are the tenant's own Slack and Discord apps (for reactions and refusals).
   */
  ChannelIntake(ChannelDirectory directory, TriggerIngress ingress, MessagingChannels channels, MeterRegistry registry,
      Executor background, Duration dedupFor, String slackReaction, String discordReaction) {
    this.tenant = ingress.tenant();
    this.directory = directory;
    this.ingress = ingress;
    this.channels = channels;
    this.registry = registry;
    this.background = background;
    this.dedupFor = dedupFor;
    this.slackReaction = slackReaction;
    this.discordReaction = discordReaction;
  }

  /**
   * @param react whether to add the accepted-reaction (not for slash commands, which have no message)
   * @param replyRefusal whether to send the refusal as a message (a slash command answers it in its response)
   * @throws TriggerIngress.NoLeaderException when no coordinator leads yet (the platform retries)
   * @throws io.botburrow.queue.QueueUnavailableException when Redis cannot be reached
   */
  public Decision accept(InboundMessage m, boolean react, boolean replyRefusal) {
    ChannelRouting.Route route = ChannelRouting.route(directory.subscriptions(), m.platform(), m.channel(),
        m.mentionsBot(), m.text());
    return switch (route) {
      case ChannelRouting.Ignored i -> counted(m, "-", Outcome.IGNORED, null, null);
      case ChannelRouting.Refused r -> {
        LOG.debug("Channel message {} refused: {}", m.key(), r.reason());
        if (replyRefusal) {
          later(m, ch -> ch.sendMessage(new OutgoingMessage("-", m.replyTo(), r.reply(), "refusal:" + m.key())));
        }
        yield counted(m, "-", Outcome.REFUSED, r.reply(), null);
      }
      case ChannelRouting.ToAgent to -> submit(m, to.agent(), react);
    };
  }

  private Decision submit(InboundMessage m, String agent, boolean react) {
    String source = m.platform().wireName() + " message in " + m.channel();
    TriggerIngress.Submitted s = ingress.submitMessage(agent, m.key(), source, m.text(), m.replyTo(), dedupFor);
    if (s.result() == EnqueueResult.DUPLICATE) {
      return counted(m, agent, Outcome.DUPLICATE, null, s.taskId());
    }
    String emoji = switch (m.platform()) {
      case SLACK -> slackReaction;
      case DISCORD -> discordReaction;
      case HUB -> "";
    };
    if (react && !emoji.isEmpty()) {
      later(m, ch -> ch.addReaction(m.replyTo(), emoji));
    }
    LOG.debug("Channel message {} submitted for Agent(name={}) as task {}", m.key(), agent, s.taskId());
    return counted(m, agent, Outcome.ACCEPTED, null, s.taskId());
  }

  private void later(InboundMessage m, java.util.function.Consumer<MessagingChannel> call) {
    channels.of(m.platform()).ifPresentOrElse(ch -> background.execute(() -> {
      try {
        call.accept(ch);
      } catch (ChannelException e) {
        LOG.warn("Channel message {}: {} call failed: {}", m.key(), m.platform().wireName(), e.getMessage());
      }
    }), () -> LOG.warn("Channel message {}: no {} bot token configured, nothing sent back", m.key(), m.platform().wireName()));
  }

  private Decision counted(InboundMessage m, String agent, Outcome outcome, String reply, String taskId) {
    count(m.platform().wireName(), agent, outcome.wireName());
    return new Decision(outcome, reply, taskId);
  }

  /** Counts a message by platform, agent and result, also those refused before they were read. */
  void count(String platform, String agent, String result) {
    count(registry, tenant, platform, agent, result);
  }

  static void count(MeterRegistry registry, String tenant, String platform, String agent, String result) {
    Counter.builder("botburrow.channels.messages").description("Slack and Discord messages by outcome")
        .tag("tenant", tenant).tag("platform", platform).tag("agent", agent).tag("result", result).register(registry)
        .increment();
  }

  public String tenant() {
    return tenant;
  }

  /** The outcome, the refusal's text when there is one, and the task of accepted work. */
  public record Decision(Outcome outcome, String reply, String taskId) {}
}

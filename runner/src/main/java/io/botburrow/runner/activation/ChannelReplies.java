package io.botburrow.runner.activation;

import io.botburrow.channels.ChannelException;
import io.botburrow.channels.MessagingChannel;
import io.botburrow.channels.MessagingChannels;
import io.botburrow.channels.OutgoingMessage;
import io.botburrow.channels.Platform;
import io.botburrow.channels.ReplyTarget;
import io.botburrow.channels.SentMessage;
import io.botburrow.queue.EffectLedger;
import io.botburrow.queue.QueueUnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an agent's answer through the messaging port to the platform the work came from. Once per
 * idempotency key: a reply the ledger in Redis records is not sent again, and the adapter looks for
 * the key in the thread before it posts (the platform is the source of truth when Redis lost its state).
 * Single flight per agent means no two deliveries of the same activation send at once.
 */
final class ChannelReplies {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelReplies.class);
  static final Duration KEEP = Duration.ofDays(7);
  private final MessagingChannels channels;
  private final EffectLedger ledger;

  ChannelReplies(MessagingChannels channels, EffectLedger ledger) {
    this.channels = channels;
    this.ledger = ledger;
  }

  /**
   * @throws ChannelException when the platform fails, or no adapter for it is configured here (permanent)
   */
  SentMessage send(String agent, ReplyTarget to, String text, String key) {
    MessagingChannel channel = channels.of(to.platform()).orElseThrow(() -> new ChannelException(
        "no " + to.platform().wireName() + " adapter on this runner: set botburrow.channels." + to.platform().wireName()
            + ".bot-token", false));
    if (to.platform() == Platform.HUB || ledger == null) {
      // the Hub keeps Idempotency-Keys itself
      return channel.sendMessage(new OutgoingMessage(agent, to, text, key));
    }
    String done = "channel-reply:" + key;
    Optional<String> recorded = recorded(agent, done);
    if (recorded.isPresent()) {
      return new SentMessage(recorded.get(), true);
    }
    SentMessage sent = channel.sendMessage(new OutgoingMessage(agent, to, text, key));
    try {
      ledger.tryRecord(done, sent.id(), KEEP);
    } catch (QueueUnavailableException e) {
      LOG.warn("Agent(name={}) reply {} not recorded in the ledger (the thread has it): {}", agent, key, e.getMessage());
    }
    LOG.debug("Agent(name={}) reply {} on {} {}", agent, key, to.platform().wireName(), sent.earlier() ? "found" : "sent");
    return sent;
  }

  private Optional<String> recorded(String agent, String key) {
    try {
      return ledger.lookup(key);
    } catch (QueueUnavailableException e) {
      LOG.warn("Agent(name={}) reply ledger unavailable; the adapter reads the thread instead", agent);
      return Optional.empty();
    }
  }
}

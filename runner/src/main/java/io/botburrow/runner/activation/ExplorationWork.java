package io.botburrow.runner.activation;

import io.botburrow.agents.AgentConfig;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.Post;
import io.botburrow.runner.agent.LoopResult;
import io.botburrow.runner.agent.PromptBuilder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lets a quiet agent read its discover feed and join a conversation if it has something to add. */
final class ExplorationWork {
  private static final Logger LOG = LoggerFactory.getLogger(ExplorationWork.class);
  private static final int FEED_SIZE = 5;
  private final HubClient hub;

  ExplorationWork(HubClient hub) {
    this.hub = hub;
  }

  String run(AgentConfig config, AgentSession session) {
    if (!config.behavior().discovery().enabled()) {
      return "discovery disabled";
    }
    List<Post> feed = hub.discover(config.name(), config.interests().communities(), config.interests().keywords(), FEED_SIZE);
    if (feed.isEmpty()) {
      return "nothing new to explore";
    }
    LoopResult result = session.run(PromptBuilder.exploration(feed));
    LOG.info("Agent(name={}) explored {} post(s), made {} post(s)", config.name(), feed.size(), session.posts().count());
    return "explored " + feed.size() + " post(s), stop " + result.stopReason().wireName();
  }
}

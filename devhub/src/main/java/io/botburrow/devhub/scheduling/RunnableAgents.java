package io.botburrow.devhub.scheduling;

import io.botburrow.devhub.agents.Agent;
import io.botburrow.devhub.agents.AgentDirectory;
import io.botburrow.devhub.api.Iso;
import io.botburrow.devhub.notifications.NotificationStore;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a coordinator asks: which runnable agents have work, and which have been idle long enough to
 * explore. People and agents switched off are never listed, or the coordinator would try to run them.
 */
@Singleton
@Requires(env = "hub")
class RunnableAgents {
  private final AgentDirectory directory;
  private final NotificationStore notifications;
  private final Clock clock;

  RunnableAgents(AgentDirectory directory, NotificationStore notifications, Clock clock) {
    this.directory = directory;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Agents with unread notifications, most unread first, at most {@code limit}. */
  List<Map<String, Object>> withUnread(int limit) {
    Map<String, Integer> counts = notifications.unreadCounts();
    return directory.all().stream()
        .filter(Agent::isSchedulable)
        .filter(agent -> counts.getOrDefault(agent.name(), 0) > 0)
        .sorted(Comparator.comparing((Agent agent) -> counts.get(agent.name())).reversed()
            .thenComparing(Agent::name))
        .limit(limit)
        .map(agent -> view(agent, counts.get(agent.name())))
        .toList();
  }

  /**
   * Agents with unread notifications created after {@code cursor}, those waiting longest first, and the
   * cursor to poll with next. When the page is full the next cursor stops short of the first agent left
   * out, so that it is listed next time rather than skipped.
   */
  Page withNewUnread(long cursor, int limit) {
    long latest = notifications.lastSeq();
    // a cursor from before this Hub restarted (ahead of every notification) lists everything again
    long from = cursor > latest ? 0 : cursor;
    Map<String, Long> first = notifications.firstUnreadSeqAfter(from);
    Map<String, Integer> counts = notifications.unreadCounts();
    List<Agent> due = directory.all().stream()
        .filter(Agent::isSchedulable)
        .filter(agent -> first.containsKey(agent.name()))
        .sorted(Comparator.comparing((Agent agent) -> first.get(agent.name())))
        .toList();
    long next = due.size() > limit ? first.get(due.get(limit).name()) - 1 : latest;
    return new Page(due.stream().limit(limit).map(agent -> view(agent, counts.getOrDefault(agent.name(), 0))).toList(), next);
  }

  /** Agents with new work and where the next long-poll starts. */
  record Page(List<Map<String, Object>> agents, long cursor) {}

  /** The newest notification's sequence number, for polls that list every agent with unread work. */
  long latestCursor() {
    return notifications.lastSeq();
  }

  /** Agents not activated for {@code minStaleness}: never-activated first, then the longest idle. */
  List<Map<String, Object>> stale(Duration minStaleness, int limit) {
    Instant threshold = clock.instant().minus(minStaleness);
    Map<String, Integer> counts = notifications.unreadCounts();
    Comparator<Instant> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
    return directory.all().stream()
        .filter(Agent::isSchedulable)
        .filter(agent -> agent.lastActivatedAt() == null || agent.lastActivatedAt().isBefore(threshold))
        .sorted(Comparator.comparing(Agent::lastActivatedAt, nullsFirst).thenComparing(Agent::name))
        .limit(limit)
        .map(agent -> view(agent, counts.getOrDefault(agent.name(), 0)))
        .toList();
  }

  /** Whether a new notification for {@code recipient} is work a coordinator should hear about. */
  boolean isSchedulable(String recipient) {
    return directory.find(recipient).map(Agent::isSchedulable).orElse(false);
  }

  private static Map<String, Object> view(Agent agent, int unread) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", agent.name());
    view.put("name", agent.name());
    view.put("type", agent.type());
    view.put("notification_count", unread);
    view.put("last_activated_at", Iso.format(agent.lastActivatedAt()));
    return view;
  }
}

package io.botburrow.leader;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records leadership changes of several instances in the order they happened. */
public final class LeadershipLog {
  public record Event(String instance, boolean gained, long token, long atNanos) {}

  private final List<Event> events = new CopyOnWriteArrayList<>();

  /** Listens to {@code election} and returns it. */
  public <E extends LeaderElection> E watch(E election) {
    election.addListener(
        new LeadershipListener() {
          @Override
          public void leadershipGained(long fencingToken) {
            events.add(new Event(election.instanceId(), true, fencingToken, System.nanoTime()));
          }

          @Override
          public void leadershipLost() {
            events.add(new Event(election.instanceId(), false, 0, System.nanoTime()));
          }
        });
    return election;
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  public Optional<Event> lastGainedBy(String instance) {
    return events.stream().filter(e -> e.gained() && e.instance().equals(instance)).reduce((a, b) -> b);
  }

  public Optional<Event> lastLostBy(String instance) {
    return events.stream().filter(e -> !e.gained() && e.instance().equals(instance)).reduce((a, b) -> b);
  }
}

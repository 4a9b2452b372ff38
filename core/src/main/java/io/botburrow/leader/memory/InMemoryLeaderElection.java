package io.botburrow.leader.memory;

import io.botburrow.leader.LeaderElection;
import io.botburrow.leader.LeadershipListener;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Leader election in one JVM, for unit tests. Candidates sharing one {@link Ballot} compete; the
 * first to start leads, and when it closes or {@link #resign()}s, the longest-waiting candidate takes
 * over at once with the next token. Listeners run on the caller's thread.
 */
public final class InMemoryLeaderElection implements LeaderElection {

  /** The shared lease and fencing counter of one election. */
  public static final class Ballot {
    private final Deque<InMemoryLeaderElection> waiting = new ArrayDeque<>();
    private InMemoryLeaderElection leader;
    private long counter;

    /** The token the next term will get, minus one: the highest handed out. */
    public synchronized long highestToken() {
      return counter;
    }

    private void campaign(InMemoryLeaderElection candidate) {
      InMemoryLeaderElection elected;
      synchronized (this) {
        if (leader != null) {
          waiting.addLast(candidate);
          return;
        }
        elected = elect(candidate);
      }
      elected.gained();
    }

    private void withdraw(InMemoryLeaderElection candidate) {
      InMemoryLeaderElection next = null;
      boolean wasLeader;
      synchronized (this) {
        waiting.remove(candidate);
        wasLeader = leader == candidate;
        if (wasLeader) {
          leader = null;
          InMemoryLeaderElection successor = waiting.pollFirst();
          next = successor == null ? null : elect(successor);
        }
      }
      if (wasLeader) {
        candidate.lost();
      }
      if (next != null) {
        next.gained();
      }
    }

    private InMemoryLeaderElection elect(InMemoryLeaderElection candidate) {
      leader = candidate;
      candidate.token = ++counter;
      return candidate;
    }
  }

  private final Ballot ballot;
  private final String instanceId;
  private final List<LeadershipListener> listeners = new CopyOnWriteArrayList<>();
  private volatile long token;
  private boolean started;

  public InMemoryLeaderElection(Ballot ballot, String instanceId) {
    this.ballot = Objects.requireNonNull(ballot, "ballot");
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
  }

  @Override
  public String instanceId() {
    return instanceId;
  }

  @Override
  public synchronized void start() {
    if (!started) {
      started = true;
      ballot.campaign(this);
    }
  }

  @Override
  public boolean isLeader() {
    return token != 0;
  }

  @Override
  public OptionalLong fencingToken() {
    long current = token;
    return current == 0 ? OptionalLong.empty() : OptionalLong.of(current);
  }

  @Override
  public void addListener(LeadershipListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    long current = token;
    if (current != 0) {
      listener.leadershipGained(current);
    }
  }

  /** Gives up leadership (or the place in line) and campaigns again at the back of the line. */
  public void resign() {
    ballot.withdraw(this);
    ballot.campaign(this);
  }

  @Override
  public synchronized void close() {
    if (started) {
      started = false;
      ballot.withdraw(this);
    }
  }

  private void gained() {
    long current = token;
    listeners.forEach(listener -> listener.leadershipGained(current));
  }

  private void lost() {
    token = 0;
    listeners.forEach(LeadershipListener::leadershipLost);
  }
}

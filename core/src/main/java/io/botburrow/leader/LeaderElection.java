package io.botburrow.leader;

import java.util.OptionalLong;

/**
 * Campaign for leadership among the instances of one service (e.g. the coordinators). At most one
 * instance leads at a time; each term carries a fencing token higher than every earlier term's,
 * which the leader passes with its writes so that a deposed leader's late writes are refused.
 *
 * <p>A leader that cannot confirm its lease in time steps down (notifies {@link
 * LeadershipListener#leadershipLost()}) before another instance could take the lease over.
 */
public interface LeaderElection extends AutoCloseable {

  /** This instance's id in the election (unique per process). */
  String instanceId();

  /** Starts campaigning in the background. Idempotent; does not block. */
  void start();

  /** Whether this instance leads now. */
  boolean isLeader();

  /** The fencing token of the current term while this instance leads; empty otherwise. */
  OptionalLong fencingToken();

  /**
   * Adds a listener, notified on the election's own thread (listeners must not block). A listener
   * added while this instance leads is told at once.
   */
  void addListener(LeadershipListener listener);

  /** Stops campaigning, hands the lease back if held (listeners are told), and frees resources. */
  @Override
  void close();
}

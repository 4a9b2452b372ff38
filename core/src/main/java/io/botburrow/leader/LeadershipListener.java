package io.botburrow.leader;

/** Told when this instance gains or loses leadership. */
public interface LeadershipListener {

  /** This instance leads from now on, writing with {@code fencingToken}. */
  void leadershipGained(long fencingToken);

  /** This instance no longer leads; stop every leader duty. */
  void leadershipLost();
}

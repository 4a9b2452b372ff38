package io.botburrow.coordinator.duties;

/** Work only the leader does. Started when leadership is gained, stopped when it is lost. */
public interface LeaderDuty {

  String name();

  /** Starts the duty in the background; every write it makes carries {@code fencingToken}. */
  void start(long fencingToken);

  /** Stops the duty and waits briefly for it to finish its current step. Idempotent. */
  void stop();
}

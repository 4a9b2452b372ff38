package io.botburrow.coordinator.duties;

/** Work only the leader does. Started when leadership is gained, stopped when it is lost. */
public interface LeaderDuty {

  String name();

  /**
   * The name of a duty that each tenant has one of: {@code base} for the default tenant, {@code base:<tenant>} for
   * another, so that every tenant's duty stands apart in logs and metrics.
   */
  static String tenantName(String base, String tenant) {
    return io.botburrow.activation.Activation.DEFAULT_TENANT.equals(tenant) ? base : base + ":" + tenant;
  }

  /** Starts the duty in the background; every write it makes carries {@code fencingToken}. */
  void start(long fencingToken);

  /** Stops the duty and waits briefly for it to finish its current step. Idempotent. */
  void stop();
}

package io.botburrow.coordinator;

import io.botburrow.leader.LeaderElection;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** Joins the leader election once the context is up; the duty manager follows leadership. */
@Singleton
@Requires(env = "coordinator")
class CoordinatorStartup {
  private final LeaderElection election;
  private final DutyManager duties;

  CoordinatorStartup(LeaderElection election, DutyManager duties) {
    this.election = election;
    this.duties = duties;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    election.addListener(duties);
    election.start();
  }

  @PreDestroy
  void stop() {
    election.close();
  }
}

package io.botburrow.leader.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.leader.LeadershipLog;
import org.junit.jupiter.api.Test;

class InMemoryLeaderElectionTest {
  private final InMemoryLeaderElection.Ballot ballot = new InMemoryLeaderElection.Ballot();
  private final LeadershipLog log = new LeadershipLog();

  @Test
  void firstCandidateLeadsAndTheNextTakesOverWithAHigherTokenWhenItCloses() {
    InMemoryLeaderElection first = log.watch(new InMemoryLeaderElection(ballot, "a"));
    InMemoryLeaderElection second = log.watch(new InMemoryLeaderElection(ballot, "b"));
    first.start();
    second.start();

    assertThat(first.isLeader()).isTrue();
    assertThat(second.isLeader()).isFalse();
    long firstToken = first.fencingToken().orElseThrow();

    first.close();

    assertThat(first.isLeader()).isFalse();
    assertThat(second.fencingToken().orElseThrow()).isGreaterThan(firstToken);
    assertThat(log.events())
        .extracting(e -> e.instance() + (e.gained() ? " gained" : " lost"))
        .containsExactly("a gained", "a lost", "b gained");
  }

  @Test
  void resigningLeaderQueuesBehindTheStandby() {
    InMemoryLeaderElection first = log.watch(new InMemoryLeaderElection(ballot, "a"));
    InMemoryLeaderElection second = log.watch(new InMemoryLeaderElection(ballot, "b"));
    first.start();
    second.start();

    first.resign();

    assertThat(second.isLeader()).isTrue();
    second.close();
    assertThat(first.fencingToken()).hasValue(3);
    assertThat(ballot.highestToken()).isEqualTo(3);
  }

  @Test
  void tellsALateListenerThatItLeads() {
    InMemoryLeaderElection only = new InMemoryLeaderElection(ballot, "a");
    only.start();

    log.watch(only);

    assertThat(log.lastGainedBy("a")).hasValueSatisfying(e -> assertThat(e.token()).isEqualTo(1));
  }
}

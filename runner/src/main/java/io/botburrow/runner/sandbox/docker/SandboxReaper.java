package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.SandboxEvents;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import io.botburrow.runner.sandbox.SandboxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import io.botburrow.runner.sandbox.RunnerLiveness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes containers and workspace volumes labelled {@code io.botburrow.managed=true} that {@link
 * OrphanPolicy} calls orphans: those of dead runners and those past their expiry. Run it once at
 * start-up and then periodically ({@link #schedule(Duration)}).
 */
public final class SandboxReaper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxReaper.class);
  private static final String MANAGED_FILTER = ManagedLabels.MANAGED + "=true";

  private final DockerClient docker;
  private final Function<Set<String>, OrphanPolicy> policies;
  private final Predicate<String> inUseHere;
  private final Clock clock;
  private final SandboxEvents events;
  private final ContainerRemover remover;
  private ScheduledExecutorService scheduler;

  /**
   * @param inUseHere true for container ids and volume names this process still uses
   */
  public SandboxReaper(DockerClient docker, OrphanPolicy policy, Predicate<String> inUseHere, Clock clock,
      SandboxEvents events) {
    this(docker, runners -> policy, inUseHere, clock, events);
  }

  /**
   * Asks {@code liveness} once per pass which owners of managed containers and volumes are dead.
   *
   * @param ownRunnerId this process's runner, alive by definition
   */
  public SandboxReaper(DockerClient docker, String ownRunnerId, RunnerLiveness liveness, Predicate<String> inUseHere,
      Clock clock, SandboxEvents events) {
    this(docker, runners -> {
      Set<String> dead = liveness.dead(runners);
      return new OrphanPolicy(ownRunnerId, runner -> !dead.contains(runner));
    }, inUseHere, clock, events);
  }

  private SandboxReaper(DockerClient docker, Function<Set<String>, OrphanPolicy> policies,
      Predicate<String> inUseHere, Clock clock, SandboxEvents events) {
    this.docker = docker;
    this.policies = policies;
    this.inUseHere = inUseHere;
    this.clock = clock;
    this.events = events;
    this.remover = new ContainerRemover(docker);
  }

  /**
   * One pass: containers first, then volumes no container holds any more. Blocks.
   *
   * @return how many containers were removed
   * @throws SandboxException when the engine cannot be listed
   */
  public int reapOnce() {
    Instant now = clock.instant();
    List<Container> containers;
    try {
      containers = docker.listContainersCmd().withShowAll(true)
          .withLabelFilter(Map.of(ManagedLabels.MANAGED, "true")).exec();
    } catch (RuntimeException e) {
      throw DockerErrors.translate("cannot list sandbox containers", e);
    }
    List<InspectVolumeResponse> volumes = listVolumes();
    Set<String> owners = new TreeSet<>();
    containers.forEach(c -> owner(c.getLabels()).ifPresent(owners::add));
    volumes.forEach(v -> owner(v.getLabels()).ifPresent(owners::add));
    OrphanPolicy policy = policies.apply(owners);
    int reaped = 0;
    for (Container container : containers) {
      if (policy.shouldReap(container.getLabels(), now, inUseHere.test(container.getId()))) {
        remover.remove(container.getId(), null);
        events.reaped(container.getId());
        LOG.info("Container(id={}, activation={}, runner={}) reaped", DockerExec.shortId(container.getId()),
            container.getLabels().get(ManagedLabels.ACTIVATION), container.getLabels().get(ManagedLabels.RUNNER));
        reaped++;
      }
    }
    // after the containers: a volume can go only once no container holds it
    for (InspectVolumeResponse volume : volumes) {
      if (policy.shouldReap(volume.getLabels(), now, inUseHere.test(volume.getName()))) {
        remover.removeVolume(volume.getName());
      }
    }
    return reaped;
  }

  private static Optional<String> owner(Map<String, String> labels) {
    return labels == null ? Optional.empty() : Optional.ofNullable(labels.get(ManagedLabels.RUNNER));
  }

  private List<InspectVolumeResponse> listVolumes() {
    List<InspectVolumeResponse> volumes;
    try {
      volumes = docker.listVolumesCmd().withFilter("label", List.of(MANAGED_FILTER)).exec().getVolumes();
    } catch (RuntimeException e) {
      throw DockerErrors.translate("cannot list sandbox volumes", e);
    }
    return volumes == null ? List.of() : volumes;
  }

  /** Runs {@link #reapOnce()} now and then every {@code period} on a virtual thread until closed. */
  public synchronized void schedule(Duration period) {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("sandbox-reaper").factory());
    scheduler.scheduleWithFixedDelay(this::reapQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void reapQuietly() {
    try {
      reapOnce();
    } catch (RuntimeException e) {
      LOG.warn("Sandbox reaper pass failed, will retry next period: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}

package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.SandboxEvents;
import com.github.dockerjava.api.DockerClient;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxRequest;
import io.botburrow.runner.sandbox.Sandboxes;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker adapter of {@link Sandboxes}: hands out a warm container when the request's image and
 * limits match a pool, otherwise creates one. Docker labels cannot change, so a warm container keeps
 * its {@code pool} labels and who owns it is tracked here.
 */
public final class DockerSandboxes implements Sandboxes, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DockerSandboxes.class);
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final DockerClient docker;
  private final DockerSandboxConfig config;
  private final Clock clock;
  private final SandboxEvents events;
  private final ContainerRemover remover;
  private final SandboxContainerFactory factory;
  private final ExecutorService refills = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, WarmPool> pools = new HashMap<>();
  private final Map<String, SandboxContainerFactory.Started> owners = new ConcurrentHashMap<>();

  public DockerSandboxes(DockerClient docker, DockerSandboxConfig config, Clock clock, SandboxEvents events) {
    this.docker = docker;
    this.config = config;
    this.clock = clock;
    this.events = events;
    this.remover = new ContainerRemover(docker);
    this.factory = new SandboxContainerFactory(docker, remover, config);
    config.warmPool().forEach((image, size) -> {
      if (size > 0) {
        pools.put(image, new WarmPool(image, size, () -> startPooled(image),
            started -> started.remove(remover), events, refills, clock,
            config.poolContainerTtl().dividedBy(2)));
      }
    });
  }

  /** Starts filling the warm pools in the background; returns at once. */
  public void start() {
    pools.values().forEach(WarmPool::refill);
  }

  @Override
  public Sandbox acquire(SandboxRequest request) {
    long started = System.nanoTime();
    Optional<SandboxContainerFactory.Started> warm = warmFor(request);
    SandboxContainerFactory.Started container = warm.orElseGet(() -> factory.start(request.image(),
        request.limits(), ManagedLabels.of(ManagedLabels.ROLE_SANDBOX, request.activationId(),
            request.agent(), config.runnerId(), request.expiresAt()), requestExtras(request)));
    long millis = (System.nanoTime() - started) / 1_000_000;
    owners.put(container.containerId(), container);
    events.acquired(request, warm.isPresent(), millis);
    LOG.info("Activation(id={}, agent={}) sandbox {} ready in {} ms ({})", request.activationId(),
        request.agent(), DockerExec.shortId(container.containerId()), millis, warm.isPresent() ? "warm" : "cold");
    SandboxCommands commands = new SandboxCommands(new DockerExec(docker), container.containerId(), container.channel());
    return new DockerSandbox(container, request, commands,
        new DockerWorkspaceFiles(docker, commands, container.containerId(), config.user().uid(), config.user().gid()),
        remover, new OwnershipRelease(events, owners, container.containerId()));
  }

  /** The request's env and read-only host directories (a CLI executor's gateway socket). */
  private static List<ContainerDecorator> requestExtras(SandboxRequest request) {
    if (!request.custom()) {
      return List.of();
    }
    return List.of(spec -> {
      request.env().forEach(spec::env);
      request.hostDirectories().forEach(d -> spec.volume(ContainerSpec.VolumeMount.hostDirectory(d.hostPath(), d.containerPath())));
    });
  }

  private Optional<SandboxContainerFactory.Started> warmFor(SandboxRequest request) {
    WarmPool pool = pools.get(request.image());
    if (pool == null || request.custom() || !config.poolFits(request.limits())) {
      return Optional.empty();
    }
    return pool.take();
  }

  private SandboxContainerFactory.Started startPooled(String image) {
    return factory.start(image, config.poolLimits(), ManagedLabels.of(ManagedLabels.ROLE_POOL,
        ManagedLabels.NO_ACTIVATION, ManagedLabels.NO_ACTIVATION, config.runnerId(),
        clock.instant().plus(config.poolContainerTtl())));
  }

  /**
   * Container ids and volume names this adapter still holds (handed out and not closed, or idle in a
   * pool); a reaper leaves them alone.
   */
  public Set<String> inUse() {
    Set<String> ids = new HashSet<>();
    owners.values().forEach(started -> {
      ids.add(started.containerId());
      ids.add(started.volume());
    });
    pools.values().forEach(pool -> ids.addAll(pool.ids()));
    return ids;
  }

  /** Idle warm containers of {@code image}. */
  public int idleCount(String image) {
    WarmPool pool = pools.get(image);
    return pool == null ? 0 : pool.idleCount();
  }

  /**
   * Stops refilling, lets a container being created finish (interrupting docker-java would leave it
   * behind), then removes the idle warm containers. Handed-out sandboxes stay with their owners.
   */
  @Override
  public void close() {
    pools.values().forEach(WarmPool::stopRefilling);
    refills.shutdown();
    try {
      if (!refills.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("Warm pool refill still running after {} s; the reaper will remove what it leaves", CLOSE_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pools.values().forEach(WarmPool::close);
  }

  /** Forgets the owner when its sandbox is closed, then reports as usual. */
  private record OwnershipRelease(
      SandboxEvents delegate, Map<String, SandboxContainerFactory.Started> owners, String containerId)
      implements SandboxEvents {
    @Override
    public void commandEnded(SandboxRequest request, io.botburrow.runner.sandbox.ExecResult result) {
      delegate.commandEnded(request, result);
    }

    @Override
    public void closed(SandboxRequest request) {
      owners.remove(containerId);
      delegate.closed(request);
    }
  }
}

package io.botburrow.runner.sandbox.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to create one container, as plain values: built by a list of {@link
 * ContainerDecorator}s and translated to docker-java by {@link DockerContainerCreator}.
 */
public record ContainerSpec(
    String image,
    List<String> command,
    String user,
    String workingDir,
    Map<String, String> env,
    Map<String, String> labels,
    boolean readOnlyRootfs,
    List<String> capDrop,
    List<String> securityOpts,
    boolean init,
    String networkMode,
    long nanoCpus,
    long memoryBytes,
    long memorySwapBytes,
    long pidsLimit,
    Map<String, String> tmpfs,
    List<VolumeMount> volumes,
    boolean attachStdio) {

  public ContainerSpec {
    Objects.requireNonNull(image, "image");
    command = List.copyOf(command);
    env = Map.copyOf(env);
    labels = Map.copyOf(labels);
    capDrop = List.copyOf(capDrop);
    securityOpts = List.copyOf(securityOpts);
    tmpfs = Map.copyOf(tmpfs);
    volumes = List.copyOf(volumes);
  }

  /** Env values may be credentials (MCP sidecars), so only their names are shown. */
  @Override
  public String toString() {
    return "ContainerSpec[image=" + image + ", command=" + command + ", user=" + user + ", env="
        + env.keySet() + ", labels=" + labels + ", networkMode=" + networkMode + "]";
  }

  /** A named volume (or, with {@code hostDirectory}, a host directory) mounted into the container. */
  public record VolumeMount(String volume, String path, boolean readOnly, boolean hostDirectory) {
    public VolumeMount {
      Objects.requireNonNull(volume, "volume");
      Objects.requireNonNull(path, "path");
    }

    public VolumeMount(String volume, String path, boolean readOnly) {
      this(volume, path, readOnly, false);
    }

    /** A host directory bind-mounted read-only. */
    public static VolumeMount hostDirectory(String hostPath, String path) {
      return new VolumeMount(hostPath, path, true, true);
    }
  }

  public static Builder builder(String image) {
    return new Builder(image);
  }

  /** Mutable spec the decorators work on; 0 for a limit means "not set". */
  public static final class Builder {
    private final String image;
    private List<String> command = List.of();
    private String user;
    private String workingDir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private boolean readOnlyRootfs;
    private final List<String> capDrop = new ArrayList<>();
    private final List<String> securityOpts = new ArrayList<>();
    private boolean init;
    private String networkMode;
    private long nanoCpus;
    private long memoryBytes;
    private long memorySwapBytes;
    private long pidsLimit;
    private final Map<String, String> tmpfs = new LinkedHashMap<>();
    private final List<VolumeMount> volumes = new ArrayList<>();
    private boolean attachStdio;

    private Builder(String image) {
      this.image = Objects.requireNonNull(image, "image");
    }

    public Builder command(List<String> value) { command = List.copyOf(value); return this; }
    public Builder user(String value) { user = value; return this; }
    public Builder workingDir(String value) { workingDir = value; return this; }
    public Builder env(String key, String value) { env.put(key, value); return this; }
    public Builder label(String key, String value) { labels.put(key, value); return this; }
    public Builder readOnlyRootfs(boolean value) { readOnlyRootfs = value; return this; }
    public Builder capDrop(String capability) { capDrop.add(capability); return this; }
    public Builder securityOpt(String option) { securityOpts.add(option); return this; }
    public Builder init(boolean value) { init = value; return this; }
    public Builder networkMode(String value) { networkMode = value; return this; }
    public Builder nanoCpus(long value) { nanoCpus = value; return this; }
    public Builder memoryBytes(long value) { memoryBytes = value; return this; }
    public Builder memorySwapBytes(long value) { memorySwapBytes = value; return this; }
    public Builder pidsLimit(long value) { pidsLimit = value; return this; }
    public Builder tmpfs(String path, String options) { tmpfs.put(path, options); return this; }
    public Builder volume(VolumeMount mount) { volumes.add(mount); return this; }
    public Builder attachStdio(boolean value) { attachStdio = value; return this; }

    public Builder apply(List<? extends ContainerDecorator> decorators) {
      decorators.forEach(decorator -> decorator.decorate(this));
      return this;
    }

    public ContainerSpec build() {
      return new ContainerSpec(image, command, user, workingDir, env, labels, readOnlyRootfs, capDrop,
          securityOpts, init, networkMode, nanoCpus, memoryBytes, memorySwapBytes, pidsLimit, tmpfs,
          volumes, attachStdio);
    }
  }
}

package io.botburrow.runner.sandbox.docker;

/** CPU quota in cores, as Docker's {@code --cpus} (nano-CPUs). */
public record CpuLimit(double cpus) implements ContainerDecorator {
  private static final long NANOS_PER_CPU = 1_000_000_000L;

  public CpuLimit {
    if (!(cpus > 0)) {
      throw new IllegalArgumentException("cpus must be > 0, was " + cpus);
    }
  }

  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.nanoCpus(Math.round(cpus * NANOS_PER_CPU));
  }
}

package io.botburrow.cli.bench;

import java.lang.management.ManagementFactory;

/** What this process has spent so far (CPU, collectors) and how busy the machine is, for the benchmarks' lines. */
final class ProcessGauges {
  private ProcessGauges() {}

  /** The 1-minute load average, or "unknown" off Linux. */
  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Time the collectors have taken so far (pauses and, for concurrent ones, their cycles). */
  static long gcMillis() {
    long total = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}

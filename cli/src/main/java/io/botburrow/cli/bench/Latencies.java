package io.botburrow.cli.bench;

import java.util.ArrayList;
import java.util.List;

/** Latency samples in milliseconds, reported as nearest-rank percentiles. */
final class Latencies {
  private final List<Double> millis = new ArrayList<>();

  public void add(double ms) {
    millis.add(ms);
  }

  int count() {
    return millis.size();
  }

  /** The nearest-rank percentile {@code p} (0-100); NaN when there are no samples. */
  public double percentile(double p) {
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = millis.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  String summary() {
    return String.format("p50 %.1f ms p99 %.1f ms", percentile(50), percentile(99));
  }
}

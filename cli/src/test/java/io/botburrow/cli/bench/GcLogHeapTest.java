package io.botburrow.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's heap read from its GC log, without the collections the benchmark asked for. */
class GcLogHeapTest {
  @Test
  void theLargestHeapsBeforeAndAfterTheRunnersOwnCollections() {
    GcLogHeap heap = GcLogHeap.of(List.of(
        "[0.012s][info][gc] Using G1",
        "[1.204s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 120M->45M(512M) 3.456ms",
        "[2.000s][info][gc] GC(1) Pause Full (Diagnostic Command) 300M->20M(512M) 30.001ms",
        "[2.100s][info][gc] GC(2) Pause Full (System.gc()) 310M->19M(512M) 31.001ms",
        "[3.310s][info][gc] GC(3) Pause Young (Concurrent Start) (G1 Humongous Allocation) 98M->61M(512M) 4.100ms",
        "[3.400s][info][gc] GC(4) Concurrent Mark Cycle 12.000ms"));

    assertThat(heap).isEqualTo(new GcLogHeap(120, 61));
  }

  @Test
  void aLogWithoutCollectionsShowsNoHeap() {
    assertThat(GcLogHeap.of(List.of("[0.012s][info][gc] Using G1"))).isEqualTo(new GcLogHeap(0, 0));
  }
}

package io.botburrow.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantTurnsTest {

  /** Serves the first tenant of each turn that is in {@code busy}; the tenants served, in order. */
  private static List<String> serve(TenantTurns turns, Set<String> busy, int claims) {
    List<String> served = new ArrayList<>();
    for (int i = 0; i < claims; i++) {
      TenantTurns.Turn turn = turns.next();
      for (String tenant : turn.tenants()) {
        if (busy.contains(tenant)) {
          turn.served(tenant);
          served.add(tenant);
          break;
        }
        turn.skipped(tenant);
      }
    }
    return served;
  }

  @Test
  void busyTenantsShareClaimsByWeightSpreadEvenly() {
    TenantTurns turns = new TenantTurns(List.of("a", "b", "c"), List.of(3, 1, 1));

    List<String> served = serve(turns, Set.of("a", "b", "c"), 50);

    assertThat(served.stream().filter("a"::equals).count()).isEqualTo(30);
    assertThat(served.stream().filter("b"::equals).count()).isEqualTo(10);
    assertThat(served.stream().filter("c"::equals).count()).isEqualTo(10);
    // never more than the weight in a row: b and c are not made to wait behind a run of a's
    assertThat(String.join("", served)).doesNotContain("aaaa");
  }

  @Test
  void anIdleTenantSavesNoCreditForLater() {
    TenantTurns turns = new TenantTurns(List.of("a", "b"), List.of(1, 1));
    assertThat(serve(turns, Set.of("a"), 100)).containsOnly("a");

    List<String> served = serve(turns, Set.of("a", "b"), 10);

    assertThat(String.join("", served)).isIn("ababababab", "bababababa");
  }
}

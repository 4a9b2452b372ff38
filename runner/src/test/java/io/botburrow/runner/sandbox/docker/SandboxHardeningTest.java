package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.runner.sandbox.SandboxLimits;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxHardeningTest {

  @Test
  void sandboxSpecCarriesEveryRestriction() {
    SandboxLimits limits = new SandboxLimits(0.5, 64L << 20, 32, 8L << 20);
    ContainerSpec spec = ContainerSpec.builder("img")
        .apply(SandboxHardening.sandbox(limits, NonRootUser.standard(), "ws",
            ManagedLabels.of("sandbox", "a", "b", "r", Instant.EPOCH), new KeepAlive(KeepAlive.SLEEP_LONG)))
        .build();

    assertThat(spec.readOnlyRootfs()).isTrue();
    assertThat(spec.capDrop()).containsExactly("ALL");
    assertThat(spec.securityOpts()).containsExactly("no-new-privileges:true");
    assertThat(spec.user()).isEqualTo("1000:1000");
    assertThat(spec.init()).isTrue();
    assertThat(spec.networkMode()).isEqualTo("none");
    assertThat(spec.nanoCpus()).isEqualTo(500_000_000L);
    assertThat(spec.memoryBytes()).isEqualTo(64L << 20).isEqualTo(spec.memorySwapBytes());
    assertThat(spec.pidsLimit()).isEqualTo(32);
    assertThat(spec.tmpfs()).containsKey("/tmp");
    assertThat(spec.volumes()).extracting(ContainerSpec.VolumeMount::path).containsExactly("/workspace");
    assertThat(spec.labels()).containsEntry("io.botburrow.managed", "true");
  }

  @Test
  void specNeverPrintsEnvironmentValues() {
    ContainerSpec spec = ContainerSpec.builder("img").env("TOKEN", "canary-secret").build();
    assertThat(spec.toString()).contains("TOKEN").doesNotContain("canary-secret");
  }
}

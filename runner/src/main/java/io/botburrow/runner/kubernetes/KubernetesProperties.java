package io.botburrow.runner.kubernetes;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * What a runner does with the Kubernetes API of the cluster it runs in.
 *
 * @param deletionCost keep the pod's {@code controller.kubernetes.io/pod-deletion-cost} current (needs
 *     a service account allowed to patch pods); only acts inside a cluster
 * @param podName the pod's name; the runner id when unset (the manifests set both to the pod's name)
 * @param namespace the pod's namespace; the service account's namespace file when unset
 * @param deletionCostInterval how often a busy pod's cost follows the age of its oldest activation, and
 *     how long after a failure the next patch is tried (idle/busy changes go out within a second)
 */
@ConfigurationProperties("botburrow.runner.kubernetes")
public record KubernetesProperties(
    @Bindable(defaultValue = "false") boolean deletionCost,
    @Nullable String podName,
    @Nullable String namespace,
    @Bindable(defaultValue = "10s") Duration deletionCostInterval) {

  public KubernetesProperties {
    if (deletionCostInterval.compareTo(DeletionCost.MIN_GAP) < 0) {
      throw new IllegalArgumentException("botburrow.runner.kubernetes.deletion-cost-interval must be >= 1s");
    }
  }
}

package io.botburrow.gateway;

import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.DeploymentChain;
import io.botburrow.gateway.stream.StreamSink;
import io.botburrow.llm.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Test access to a kit-built gateway from other packages. */
public final class GatewayTestAccess {
  private final GatewayKit kit;

  private GatewayTestAccess(GatewayKit kit) {
    this.kit = kit;
  }

  public static GatewayTestAccess kit(Map<String, List<Deployment>> aliases) {
    return new GatewayTestAccess(new GatewayKit(aliases));
  }

  public DeploymentChain.Served call(String model, ChatRequest request, StreamSink sink) {
    var caller = GatewayKit.caller("agent-a", "act-1");
    return kit.gateway.call(caller, request, kit.gateway.chainFor(caller, model, m -> java.util.Optional.empty()), sink);
  }

  public List<Duration> waits() {
    return kit.waits;
  }

  public Duration cooldownLeft(String deployment) {
    return kit.gateway.cooldownLeft(deployment);
  }

  public String scrape() {
    return kit.scrape();
  }
}

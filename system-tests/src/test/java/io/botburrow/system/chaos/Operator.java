package io.botburrow.system.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The coordinator's operator API as an operator reads it. */
final class Operator {
  private final Http http;

  Operator(Http http) {
    this.http = http;
  }

  boolean isLeader() {
    return http.get("/api/v1/operator/leader").path("leader").asBoolean();
  }

  /** Which runner holds the lease of {@code agent}'s running activation, if one runs. */
  Optional<String> runnerOf(String agent) {
    return StreamSupport.stream(http.get("/api/v1/operator/running").path("running").spliterator(), false)
        .filter(r -> agent.equals(r.path("agent").asText()))
        .map(r -> r.path("runner").asText())
        .findFirst();
  }

  /** The agents whose running activation {@code runner} holds the lease of. */
  java.util.Set<String> agentsRunOn(String runner) {
    return runnersWithWork().getOrDefault(runner, java.util.Set.of());
  }

  /** Each runner that holds a lease, with the agents whose running activation it holds; one read of the API. */
  java.util.Map<String, java.util.Set<String>> runnersWithWork() {
    return StreamSupport.stream(http.get("/api/v1/operator/running").path("running").spliterator(), false)
        .collect(java.util.stream.Collectors.groupingBy(r -> r.path("runner").asText(),
            java.util.stream.Collectors.mapping(r -> r.path("agent").asText(), java.util.stream.Collectors.toSet())));
  }

  JsonNode deadLetters() {
    return http.get("/api/v1/operator/dead-letters").path("dead_letters");
  }
}

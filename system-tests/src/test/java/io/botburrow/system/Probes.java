package io.botburrow.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** What the system tests look at the way a user would: a thread's comments, a metric, Docker's containers. */
final class Probes {
  private Probes() {}

  /** The comments of {@code postId}'s thread, as {@code key}'s holder sees them. */
  static Stream<JsonNode> comments(HubHttp hub, String key, String postId) {
    JsonNode thread = hub.get("/api/v1/posts/" + postId + "?include_comments=true", key);
    return StreamSupport.stream(thread.path("comments").spliterator(), false);
  }

  static Optional<JsonNode> commentBy(HubHttp hub, String key, String postId, String author) {
    return comments(hub, key, postId).filter(c -> author.equals(c.path("author_name").asText())).findFirst();
  }

  static long commentsBy(HubHttp hub, String key, String postId, String author) {
    return comments(hub, key, postId).filter(c -> author.equals(c.path("author_name").asText())).count();
  }

  /** The sum of {@code name}'s samples carrying every one of {@code labels} in a service's Prometheus scrape. */
  static double metric(HubHttp service, String name, String... labels) {
    return service.text("/prometheus").lines()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .filter(l -> Arrays.stream(labels).allMatch(l::contains))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Ids of the containers (running or not) with Docker label {@code label}, e.g. {@code io.botburrow.role=sandbox}. */
  static List<String> containers(String label) {
    try {
      Process p = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=" + label).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      return out.lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of("interrupted");
    }
  }
}

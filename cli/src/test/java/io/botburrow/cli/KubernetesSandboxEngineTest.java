package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-pod Docker engine ({@code k8s-overlays/sandbox-engine} and its component, image {@code k8s/sandbox-engine}):
 * the runner and the engine meet on one socket path, the socket's group is the runner's, sandbox
 * directories are at the same path in both containers and where the runner's config puts them, the
 * engine is a native sidecar and the only privileged container, and the runner no longer mounts the node.
 */
class KubernetesSandboxEngineTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("k8s-overlays"))) {
      dir = dir.getParent();
    }
    assertThat(dir).isNotNull();
    return dir;
  }

  private static Map<String, String> env(JsonNode container) {
    Map<String, String> env = new HashMap<>();
    container.path("env").forEach(v -> env.put(v.path("name").asText(), v.path("value").asText()));
    return env;
  }

  private static String mountOf(JsonNode container, String volume) {
    for (JsonNode mount : container.path("volumeMounts")) {
      if (volume.equals(mount.path("name").asText())) {
        return mount.path("mountPath").asText();
      }
    }
    throw new AssertionError("no mount of " + volume + " in " + container.path("name").asText());
  }

  @Test
  void theRunnerAndItsEngineShareASocketAndTheSandboxDirectories() throws IOException {
    Path root = root();
    JsonNode overlay = YAML.readTree(root.resolve("k8s-overlays/sandbox-engine/kustomization.yaml").toFile());
    Path componentDir = root.resolve("k8s-overlays/sandbox-engine").resolve(overlay.at("/components/0").asText()).normalize();
    JsonNode kustomization = YAML.readTree(componentDir.resolve("kustomization.yaml").toFile());
    assertThat(kustomization.path("kind").asText()).isEqualTo("Component");
    assertThat(kustomization.at("/patches/0/target/labelSelector").asText()).isEqualTo("app.kubernetes.io/name=runner");
    JsonNode pod = YAML.readTree(componentDir.resolve(kustomization.at("/patches/0/path").asText()).toFile())
        .at("/spec/template/spec");
    JsonNode engine = pod.at("/initContainers/0");
    JsonNode runner = pod.at("/containers/0");
    assertThat(runner.path("name").asText()).isEqualTo("botburrow");

    assertThat(engine.path("restartPolicy").asText()).as("native sidecar: stops after the runner").isEqualTo("Always");
    assertThat(engine.at("/securityContext/privileged").asBoolean()).isTrue();
    assertThat(runner.at("/securityContext/privileged").asBoolean(false)).isFalse();
    assertThat(runner.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();

    String script = Files.readString(root.resolve("k8s/sandbox-engine/sandbox-engine"));
    assertThat(Files.readString(root.resolve("k8s/sandbox-engine/build.sh"))).contains(engine.path("image").asText());
    Map<String, String> engineEnv = env(engine);
    engineEnv.keySet().forEach(name -> assertThat(script).as("the entry point reads %s", name).contains(name));
    String socketDir = engineEnv.get("BOTBURROW_ENGINE_SOCKET_DIR");
    assertThat(mountOf(engine, "engine-socket")).isEqualTo(socketDir);
    assertThat(mountOf(runner, "engine-socket")).isEqualTo(socketDir);
    assertThat(env(runner).get("DOCKER_HOST")).isEqualTo("unix://" + socketDir + "/docker.sock");
    assertThat(engineEnv.get("BOTBURROW_ENGINE_GROUP")).isEqualTo(pod.at("/securityContext/runAsGroup").asText());
    assertThat(engine.at("/startupProbe/exec/command").toString()).contains(socketDir + "/ready");
    assertThat(mountOf(engine, "engine-data")).isEqualTo("/var/lib/docker");

    JsonNode config = YAML.readTree(YAML.readTree(root.resolve("k8s/config.yaml").toFile()).at("/data/runner.yml").asText());
    String attachDir = config.at("/botburrow/sandbox/attach-dir").asText();
    assertThat(mountOf(engine, "sandboxes")).isEqualTo(attachDir);
    assertThat(runner.path("volumeMounts").toString()).contains("\"mountPath\":\"/var/run/docker.sock\",\"$patch\":\"delete\"");
    assertThat(pod.path("volumes").toString()).contains("{\"name\":\"docker\",\"$patch\":\"delete\"}");
  }
}

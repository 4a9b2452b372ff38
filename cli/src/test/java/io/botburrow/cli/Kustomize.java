package io.botburrow.cli;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the features this repository uses:
 * resources (files and directories), {@code namespace}, and {@code patches} with a target (kind and
 * label selector) that are JSON 6902 operations or strategic merge patches (lists merged by
 * {@code name} or {@code mountPath}, {@code $patch: delete}, {@code null} removing a field). Lets CI,
 * which has no kubectl, check the overlays as the cluster receives them.
 */
final class Kustomize {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
      "volumes", "name", "env", "name", "ports", "containerPort", "volumeMounts", "mountPath");
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");

  private Kustomize() {}

  static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      var values = YAML.readValues(parser, JsonNode.class);
      while (values.hasNext()) {
        JsonNode doc = values.next();
        if (doc != null && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  /** The objects {@code kubectl apply -k dir} would send. */
  static List<JsonNode> render(Path dir) throws IOException {
    JsonNode kustomization = documents(dir.resolve("kustomization.yaml")).getFirst();
    List<JsonNode> objects = new ArrayList<>();
    for (JsonNode resource : kustomization.path("resources")) {
      Path path = dir.resolve(resource.asText()).normalize();
      objects.addAll(Files.isDirectory(path) ? render(path) : documents(path));
    }
    for (JsonNode component : kustomization.path("components")) {
      Path componentDir = dir.resolve(component.asText()).normalize();
      JsonNode componentKustomization = documents(componentDir.resolve("kustomization.yaml")).getFirst();
      for (JsonNode resource : componentKustomization.path("resources")) {
        objects.addAll(documents(componentDir.resolve(resource.asText())));
      }
      patch(objects, componentDir, componentKustomization);
    }
    patch(objects, dir, kustomization);
    String namespace = kustomization.path("namespace").asText(null);
    if (namespace != null) {
      for (JsonNode object : objects) {
        if (!CLUSTER_SCOPED.contains(object.path("kind").asText())) {
          ((ObjectNode) object.path("metadata")).put("namespace", namespace);
        }
        // as kustomize does: the service accounts a binding names are those of the namespace
        for (JsonNode subject : object.path("subjects")) {
          if (subject.path("kind").asText().equals("ServiceAccount")) {
            ((ObjectNode) subject).put("namespace", namespace);
          }
        }
      }
    }
    return objects;
  }

  /** Applies the {@code patches} of a kustomization or component in {@code dir} to the objects selected. */
  private static void patch(List<JsonNode> objects, Path dir, JsonNode kustomization) throws IOException {
    for (JsonNode patch : kustomization.path("patches")) {
      JsonNode body = patch.has("path") ? YAML.readTree(dir.resolve(patch.path("path").asText()).toFile())
          : YAML.readTree(patch.path("patch").asText());
      int matched = 0;
      for (int i = 0; i < objects.size(); i++) {
        if (selected(objects.get(i), patch.path("target"))) {
          objects.set(i, body.isArray() ? jsonPatch(objects.get(i), body) : merge(objects.get(i), anonymous(body)));
          matched++;
        }
      }
      if (matched == 0) {
        throw new IllegalStateException(dir + ": patch selects nothing: " + patch);
      }
    }
  }

  /** A patch with a target applies to each object selected: its own kind and name are placeholders. */
  private static JsonNode anonymous(JsonNode patch) {
    ObjectNode copy = patch.deepCopy();
    copy.remove(List.of("apiVersion", "kind"));
    if (copy.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove(List.of("name", "namespace"));
    }
    return copy;
  }

  private static boolean selected(JsonNode object, JsonNode target) {
    if (target.has("kind") && !target.path("kind").asText().equals(object.path("kind").asText())) {
      return false;
    }
    if (target.has("name") && !target.path("name").asText().equals(object.at("/metadata/name").asText())) {
      return false;
    }
    for (String term : target.path("labelSelector").asText("").split(",")) {
      if (term.isBlank()) {
        continue;
      }
      String[] kv = term.split("=", 2);
      if (!kv[1].trim().equals(object.at("/metadata/labels").path(kv[0].trim()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode jsonPatch(JsonNode object, JsonNode operations) {
    ObjectNode result = object.deepCopy();
    for (JsonNode op : operations) {
      JsonPointer pointer = JsonPointer.compile(op.path("path").asText());
      JsonNode parent = result.at(pointer.head());
      String field = pointer.last().getMatchingProperty();
      switch (op.path("op").asText()) {
        case "remove" -> {
          if (!(parent instanceof ObjectNode o) || o.remove(field) == null) {
            throw new IllegalStateException("nothing to remove at " + pointer);
          }
        }
        case "add", "replace" -> ((ObjectNode) parent).set(field, op.path("value").deepCopy());
        default -> throw new IllegalStateException("unsupported JSON patch op " + op);
      }
    }
    return result;
  }

  /** Strategic merge of {@code patch} into a copy of {@code target}. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    ObjectNode result = target.deepCopy();
    mergeInto(result, patch);
    return result;
  }

  private static void mergeInto(ObjectNode target, JsonNode patch) {
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("$patch")) {
        continue;
      }
      JsonNode existing = target.get(key);
      if (value.isNull()) {
        target.remove(key);
      } else if (value.isObject() && existing != null && existing.isObject()) {
        mergeInto((ObjectNode) existing, value);
      } else if (value.isArray() && existing != null && existing.isArray() && MERGE_KEYS.containsKey(key)) {
        mergeList((ArrayNode) existing, (ArrayNode) value, MERGE_KEYS.get(key));
      } else {
        target.set(key, strip(value.deepCopy()));
      }
    }
  }

  private static void mergeList(ArrayNode target, ArrayNode patch, String mergeKey) {
    for (JsonNode item : patch) {
      String id = item.path(mergeKey).asText();
      int at = -1;
      for (int i = 0; i < target.size(); i++) {
        if (target.get(i).path(mergeKey).asText().equals(id)) {
          at = i;
        }
      }
      if ("delete".equals(item.path("$patch").asText())) {
        if (at < 0) {
          throw new IllegalStateException("$patch: delete of missing " + mergeKey + " " + id);
        }
        target.remove(at);
      } else if (at >= 0) {
        mergeInto((ObjectNode) target.get(at), item);
      } else {
        target.add(strip(item.deepCopy()));
      }
    }
  }

  /** A patched-in value without directives. */
  private static JsonNode strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove("$patch");
      o.properties().removeIf(e -> e.getValue().isNull());
      o.forEach(Kustomize::strip);
    } else if (node instanceof ArrayNode a) {
      a.forEach(Kustomize::strip);
    }
    return node;
  }
}

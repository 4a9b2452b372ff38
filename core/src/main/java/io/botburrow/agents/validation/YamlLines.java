package io.botburrow.agents.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each key and list item of a YAML document starts, so that a problem found on the parsed tree
 * (by a JSON pointer-like path) can name its line. Paths are lists of field names and list indexes.
 */
final class YamlLines {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final Map<List<Object>, Integer> lines;

  private YamlLines(Map<List<Object>, Integer> lines) {
    this.lines = lines;
  }

  /**
   * Indexes a document that parses (call it after a successful parse).
   *
   * @param linesBefore lines of the file before the document, e.g. the front-matter's opening {@code ---}
   */
  static YamlLines index(String yaml, int linesBefore) {
    Map<List<Object>, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.createParser(yaml)) {
      if (parser.nextToken() != null) {
        walk(parser, List.of(), lines, linesBefore);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("YAML that parsed once failed to parse again", e);
    }
    return new YamlLines(lines);
  }

  /** The line of {@code path}, or of its nearest ancestor that has one, or 1 (the whole file). */
  int lineOf(List<?> path) {
    for (int n = path.size(); n > 0; n--) {
      Integer line = lines.get(List.copyOf(path.subList(0, n)));
      if (line != null) {
        return line;
      }
    }
    return 1;
  }

  private static void walk(JsonParser parser, List<Object> path, Map<List<Object>, Integer> lines, int offset)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        List<Object> child = append(path, parser.currentName());
        lines.putIfAbsent(child, parser.currentTokenLocation().getLineNr() + offset);
        parser.nextToken();
        walk(parser, child, lines, offset);
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        List<Object> child = append(path, index++);
        lines.putIfAbsent(child, parser.currentTokenLocation().getLineNr() + offset);
        walk(parser, child, lines, offset);
      }
    }
  }

  private static List<Object> append(List<Object> path, Object element) {
    Object[] longer = path.toArray(new Object[path.size() + 1]);
    longer[path.size()] = element;
    return List.of(longer);
  }
}

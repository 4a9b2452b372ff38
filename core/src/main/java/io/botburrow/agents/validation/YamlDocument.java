package io.botburrow.agents.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One YAML document of a definition file: its tree and where each key is, or the syntax problem with
 * the parser's line. Duplicate keys are syntax errors, as in the runtime's parsers.
 */
record YamlDocument(JsonNode root, YamlLines lines) {
  private static final ObjectMapper YAML = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  /** Parsed, or the reason it is not. */
  sealed interface Result permits Parsed, Broken {}

  record Parsed(YamlDocument document) implements Result {}

  record Broken(Problem problem) implements Result {}

  /**
   * @param file the file name to report
   * @param linesBefore lines of the file before {@code text} (front-matter's opening {@code ---})
   */
  static Result parse(String file, String text, int linesBefore) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      return new Broken(syntaxProblem(file, e, linesBefore));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new Broken(Problem.error(file, 1, "is empty"));
    }
    if (!root.isObject()) {
      return new Broken(Problem.error(file, 1, "must be a YAML mapping of fields, was a "
          + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    return new Parsed(new YamlDocument(root, YamlLines.index(text, linesBefore)));
  }

  int lineOf(List<?> path) {
    return lines.lineOf(path);
  }

  /** SnakeYAML's problem mark is the precise place; Jackson's location is the fallback. */
  private static Problem syntaxProblem(String file, JsonProcessingException e, int linesBefore) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        Mark at = marked.getProblemMark();
        String context = marked.getContext() == null || marked.getContextMark() == null
            ? ""
            : " (" + oneLine(marked.getContext()) + " at line " + (marked.getContextMark().getLine() + 1 + linesBefore) + ")";
        return Problem.error(file, at.getLine() + 1 + linesBefore,
            "malformed YAML: " + oneLine(marked.getProblem()) + context);
      }
    }
    JsonLocation at = e.getLocation();
    int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
    return Problem.error(file, line + linesBefore, "malformed YAML: " + oneLine(e.getOriginalMessage()));
  }

  private static String oneLine(String text) {
    return String.valueOf(text).strip().replaceAll("\\s*\\n\\s*", " ");
  }
}

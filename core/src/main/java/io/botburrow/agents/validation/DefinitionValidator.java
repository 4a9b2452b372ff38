package io.botburrow.agents.validation;

import io.botburrow.agents.AgentConfigParser;
import io.botburrow.agents.InvalidAgentDefinitionException;
import io.botburrow.agents.SkillParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a definitions folder before anything is uploaded: {@code agents/<name>/config.yaml} and
 * {@code skills/<name>/SKILL.md} against the agent-definitions JSON Schemas, the folder names, the
 * runners' MCP servers and executor types, and finally the runtime's own parsers. Reports every problem
 * with its file and line. Thread-safe; blocks on reading files.
 */
public final class DefinitionValidator {
  private static final Pattern FRONT_MATTER =
      Pattern.compile("\\A\\uFEFF?---[ \\t]*\\r?\\n(.*?)^(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)", Pattern.DOTALL | Pattern.MULTILINE);

  private final RuntimeRules rules;
  private final SchemaCheck agentSchema = SchemaCheck.agentConfig();
  private final SchemaCheck skillSchema = SchemaCheck.skill();
  private final AgentConfigParser configs = new AgentConfigParser();
  private final SkillParser skills = new SkillParser();

  public DefinitionValidator(RuntimeRules rules) {
    this.rules = rules;
  }

  /**
   * Validates every agent and skill folder under {@code folder}. File names in the report are relative
   * to {@code folder}, with {@code /} separators.
   *
   * @throws UncheckedIOException when the folder cannot be read
   */
  public ValidationReport validate(Path folder) {
    List<Problem> problems = new ArrayList<>();
    List<Path> agents = subfolders(folder.resolve("agents"));
    for (Path agent : agents) {
      problems.addAll(validateFile(agent, "config.yaml", "agents", this::validateAgent));
    }
    List<Path> skillFolders = subfolders(folder.resolve("skills"));
    for (Path skill : skillFolders) {
      problems.addAll(validateFile(skill, "SKILL.md", "skills", this::validateSkill));
    }
    return new ValidationReport(problems, agents.size(), skillFolders.size());
  }

  /** @param file {@code agents/<folder>/config.yaml} */
  public List<Problem> validateAgent(String file, String text) {
    YamlDocument.Result result = YamlDocument.parse(file, text, 0);
    if (result instanceof YamlDocument.Broken broken) {
      return List.of(broken.problem());
    }
    YamlDocument doc = ((YamlDocument.Parsed) result).document();
    List<Problem> problems = new ArrayList<>(SchemaProblems.of(file, doc, agentSchema.validate(doc.root())));
    problems.addAll(RuntimeChecks.nameMatchesFolder(file, doc, folderOf(file)));
    problems.addAll(RuntimeChecks.knownMcpServers(file, doc, rules));
    problems.addAll(RuntimeChecks.runnableType(file, doc, rules));
    if (problems.stream().noneMatch(Problem::isError)) {
      problems.addAll(runtimeParse(file, doc, () -> configs.parse(file, text)));
    }
    return problems;
  }

  /** @param file {@code skills/<folder>/SKILL.md} */
  public List<Problem> validateSkill(String file, String text) {
    Matcher m = FRONT_MATTER.matcher(text);
    if (!m.lookingAt()) {
      return List.of(Problem.error(file, 1, "must start with YAML front-matter between '---' lines"));
    }
    int linesBefore = (int) text.substring(0, m.start(1)).lines().count();
    YamlDocument.Result result = YamlDocument.parse(file, m.group(1), linesBefore);
    if (result instanceof YamlDocument.Broken broken) {
      return List.of(broken.problem());
    }
    YamlDocument doc = ((YamlDocument.Parsed) result).document();
    List<Problem> problems = new ArrayList<>(SchemaProblems.of(file, doc, skillSchema.validate(doc.root())));
    problems.addAll(RuntimeChecks.nameMatchesFolder(file, doc, folderOf(file)));
    if (problems.stream().noneMatch(Problem::isError)) {
      problems.addAll(runtimeParse(file, doc, () -> skills.parse(file, text)));
    }
    return problems;
  }

  /** What the runtime's parser still refuses once the schema is satisfied (e.g. a sandbox size). */
  private static List<Problem> runtimeParse(String file, YamlDocument doc, Runnable parse) {
    try {
      parse.run();
      return List.of();
    } catch (InvalidAgentDefinitionException e) {
      String where = e.field().isEmpty() ? "" : e.field() + ": ";
      return List.of(Problem.error(file, doc.lineOf(RuntimeChecks.pathOf(e.field())), where + e.problem()));
    }
  }

  private static List<Problem> validateFile(Path dir, String name, String kind, Validation validation) {
    String file = kind + "/" + dir.getFileName() + "/" + name;
    Path path = dir.resolve(name);
    if (!Files.isRegularFile(path)) {
      return List.of(Problem.error(file, 1, "missing: every folder under " + kind + "/ needs a " + name));
    }
    try {
      return validation.apply(file, Files.readString(path, StandardCharsets.UTF_8));
    } catch (java.nio.charset.MalformedInputException e) {
      return List.of(Problem.error(file, 1, "is not UTF-8 text"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  @FunctionalInterface
  private interface Validation {
    List<Problem> apply(String file, String text);
  }

  private static String folderOf(String file) {
    String[] parts = file.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] : "";
  }

  /** Visible subfolders, sorted; none when {@code dir} is absent. */
  private static List<Path> subfolders(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }
}

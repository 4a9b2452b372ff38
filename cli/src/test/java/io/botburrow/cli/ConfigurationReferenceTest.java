package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.cli.PropertyMetadata.Bound;
import io.botburrow.cli.PropertyMetadata.Read;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md against what the services really bind: every property of every
 * {@code @ConfigurationProperties} / {@code @EachProperty} class of the project, read from Micronaut's compiled bean
 * metadata (the classes of all service modules are on the cli's classpath), and every {@code botburrow.*} property
 * a bean reads through {@code @Requires(property)} or {@code @Value}.
 */
class ConfigurationReferenceTest {
  /** Tables keyed by names of the operator's choosing, read with {@code Environment.getProperties(prefix)}. */
  private static final Set<String> MAPS_READ_BY_NAME = Set.of(
      "botburrow.delegation.allow.*", "botburrow.memory.teams.*", "botburrow.mcp.credentials.*", "botburrow.tenants.*");
  private static final Pattern SECTION_CLASS = Pattern.compile("^## .*\\(([A-Za-z0-9_]+)\\)\\s*$");

  /** One row of a table in the reference: the section's class (null outside a class section) and the default. */
  record Row(String sectionClass, String name, String defaultValue, int line) {}

  private static List<Bound> bound;
  private static List<Read> read;
  private static List<Row> rows;

  @BeforeAll
  static void readMetadataAndReference() throws Exception {
    PropertyMetadata metadata = PropertyMetadata.scan();
    bound = metadata.bound();
    read = metadata.read();
    rows = parse(Files.readAllLines(reference(), StandardCharsets.UTF_8));
  }

  @Test
  void scansTheConfigurationClassesOfEveryServiceModule() {
    assertThat(bound).extracting(Bound::className).contains(
        "io.botburrow.redis.RedisProperties", "io.botburrow.channels.slack.SlackProperties",
        "io.botburrow.channels.discord.DiscordProperties", "io.botburrow.devhub.HubConfig",
        "io.botburrow.coordinator.CoordinatorProperties", "io.botburrow.gateway.GatewayProperties",
        "io.botburrow.gateway.routing.DeploymentProperties", "io.botburrow.runner.RunnerProperties",
        "io.botburrow.runner.kubernetes.KubernetesProperties");
    assertThat(bound).contains(new Bound("io.botburrow.runner.RunnerProperties", "botburrow.runner.slots", "4"),
        new Bound("io.botburrow.coordinator.api.ApiKeyProperties", "botburrow.api.keys.*.key-env", null));
  }

  @Test
  void documentsEveryBoundPropertyInTheSectionOfItsClass() {
    List<String> missing = new ArrayList<>();
    for (Bound b : bound) {
      if (rowsOf(b).isEmpty()) {
        missing.add(b.name() + " (" + simpleName(b.className()) + ")");
      }
    }
    assertThat(missing).as("properties bound by a class but missing from its section of docs/configuration.md")
        .isEmpty();
  }

  @Test
  void documentsEveryPropertyABeanReadsOutsideAClass() {
    Set<String> documented = new TreeSet<>(rows.stream().map(Row::name).toList());
    List<String> missing = read.stream().filter(r -> !documented.contains(r.name()))
        .map(r -> r.name() + " (read by " + r.bean() + ")").distinct().toList();
    assertThat(missing).as("properties read with @Requires, @Property or @Value but missing from docs/configuration.md")
        .isEmpty();
  }

  @Test
  void documentsNoPropertyThatNothingReads() {
    Set<String> known = new TreeSet<>(MAPS_READ_BY_NAME);
    bound.forEach(b -> known.add(b.name()));
    read.forEach(r -> known.add(r.name()));
    List<String> unknown = new ArrayList<>();
    for (Row row : rows) {
      if (!known.contains(row.name()) && !readByName(row.name())) {
        unknown.add(row.name() + " (line " + row.line() + ")");
      } else if (row.sectionClass() != null && bound.stream().noneMatch(
          b -> b.name().equals(row.name()) && simpleName(b.className()).equals(row.sectionClass()))) {
        unknown.add(row.name() + " (line " + row.line() + ": " + row.sectionClass() + " does not bind it)");
      }
    }
    assertThat(unknown).as("properties in docs/configuration.md that no class binds and no bean reads").isEmpty();
  }

  @Test
  void documentsTheDefaultsTheClassesDeclare() {
    List<String> wrong = new ArrayList<>();
    for (Bound b : bound) {
      for (Row row : rowsOf(b)) {
        String declared = b.defaultValue() == null ? "" : b.defaultValue();
        if (!declared.equals(row.defaultValue())) {
          wrong.add(b.name() + " (line " + row.line() + "): the reference says '" + row.defaultValue() + "', "
              + simpleName(b.className()) + " declares " + (b.defaultValue() == null ? "none" : "'" + declared + "'"));
        }
      }
    }
    for (Read r : read) {
      for (Row row : rows) {
        if (row.sectionClass() == null && row.name().equals(r.name()) && r.defaultValue() != null
            && !r.defaultValue().equals(row.defaultValue())) {
          wrong.add(r.name() + " (line " + row.line() + "): the reference says '" + row.defaultValue() + "', "
              + r.bean() + " reads '" + r.defaultValue() + "'");
        }
      }
    }
    assertThat(wrong).as("defaults in docs/configuration.md that differ from the code").isEmpty();
  }

  @Test
  void everyMapReadByNameIsStillReadByTheSources() throws Exception {
    Path root = reference().getParent().getParent();
    List<String> sources = new ArrayList<>();
    try (var modules = Files.list(root)) {
      for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
        try (var files = Files.walk(main)) {
          files.filter(f -> f.toString().endsWith(".java")).map(ConfigurationReferenceTest::read).forEach(sources::add);
        }
      }
    }
    for (String map : MAPS_READ_BY_NAME) {
      String prefix = "\"" + map.substring(0, map.indexOf(".*")) + "\"";
      assertThat(sources).as("a main source that reads " + prefix).anyMatch(s -> s.contains(prefix));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Under a table read by name, with keys of its own below the name ({@code botburrow.tenants.*.hub.url}). */
  private static boolean readByName(String property) {
    return MAPS_READ_BY_NAME.stream().anyMatch(m -> property.startsWith(m.substring(0, m.length() - 1)));
  }

  private static List<Row> rowsOf(Bound b) {
    String section = simpleName(b.className());
    return rows.stream().filter(r -> section.equals(r.sectionClass()) && r.name().equals(b.name())).toList();
  }

  /** The rows of every table whose first column is a {@code botburrow.*} property; {@code <name>} becomes {@code *}. */
  static List<Row> parse(List<String> lines) {
    List<Row> out = new ArrayList<>();
    String sectionClass = null;
    Map<String, Integer> columns = Map.of();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("## ")) {
        Matcher m = SECTION_CLASS.matcher(line);
        sectionClass = m.matches() ? m.group(1) : null;
      } else if (line.startsWith("| property |")) {
        columns = new LinkedHashMap<>();
        List<String> header = cells(line);
        for (int c = 0; c < header.size(); c++) {
          columns.put(header.get(c), c);
        }
      } else if (line.startsWith("| `botburrow.")) {
        List<String> cells = cells(line);
        String name = unquote(cells.get(0)).replaceAll("<[^>]+>", "*");
        Integer col = columns.get("default");
        String defaultValue = col == null || col >= cells.size() ? "" : unquote(cells.get(col));
        out.add(new Row(sectionClass, name, defaultValue, i + 1));
      }
    }
    assertThat(out).as("property rows in docs/configuration.md").isNotEmpty();
    return out;
  }

  private static List<String> cells(String row) {
    String inner = row.substring(1, row.lastIndexOf('|'));
    return List.of(inner.split("\\|", -1)).stream().map(String::trim).toList();
  }

  private static String unquote(String cell) {
    boolean quoted = cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`");
    return quoted ? cell.substring(1, cell.length() - 1) : cell;
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static Path reference() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("docs").resolve("configuration.md");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("docs/configuration.md not found above " + Path.of("").toAbsolutePath());
  }
}

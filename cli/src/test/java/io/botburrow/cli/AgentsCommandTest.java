package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import io.botburrow.agents.validation.RuntimeRules;
import io.botburrow.devkit.s3.EmbeddedS3;
import io.botburrow.runner.mcp.McpServerCatalog;
import io.botburrow.runner.mcp.McpServerRequest;
import io.botburrow.runner.sandbox.SandboxLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@code ./botburrow agents upload|validate} against the embedded S3 server, as a user runs them. */
class AgentsCommandTest {
  private static final String BUCKET = "botburrow-agents";
  private static final String POET = """
      version: "1.0.0"
      name: poet
      type: native
      brain:
        provider: openai
        model: gpt-4o-mini
      capabilities:
        grants: [hub:read, hub:write]
      """;
  private static EmbeddedS3 s3;
  private static int run;

  @TempDir Path dir;
  private String bucket;

  @BeforeAll
  static void startS3() {
    s3 = EmbeddedS3.startInMemory("cli-access", "cli-secret");
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @BeforeEach
  void freshBucket() {
    bucket = BUCKET + "-" + ++run;
  }

  @Test
  void malformedYamlIsReportedWithFileAndLineAndNothingIsUploaded() throws IOException {
    write("agents/poet/config.yaml", POET.replace("  model: gpt-4o-mini", "  model: [gpt-4o-mini"));
    write("agents/poet/system-prompt.md", "You are poet.");

    Result result = agents("upload", dir.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.err.lines().toList()).first().asString()
        .matches(java.util.regex.Pattern.quote(dir.resolve("agents/poet/config.yaml").toString()) + ":[67]: malformed YAML: .*");
    assertThat(result.err).contains("1 error, 0 warnings in 1 agent and 0 skills: nothing uploaded");
    assertThat(objects()).isEmpty();
  }

  @Test
  void aRigCharacterJsonIsConvertedValidatedAndUploadedAsAnAgentDefinition() throws IOException {
    Optional<Path> characters = findUp(Path.of("shared", "testdata", "character"));
    assumeTrue(characters.isPresent(), "shared/testdata/character not found");

    Result result = agents("upload", characters.get().resolve("conductor-e.json").toString());

    assertThat(result.code).as(result.err).isZero();
    assertThat(result.out).contains("converted to agents/conductor-e/config.yaml")
        .contains("note: llm.endpoint http://openclaw.gateway:8080/v1 is not carried over")
        .contains("0 errors, 0 warnings in 1 agent");
    assertThat(objects()).containsExactly("agents/conductor-e/config.yaml", "agents/conductor-e/system-prompt.md");
  }

  @Test
  void aCharacterJsonInAnAgentFolderIsConvertedThereAndTheFolderIsLeftAsItWas() throws IOException {
    write("agents/helper/character.json", """
        {"name": "Helper", "description": "Helps", "personality": "Kind.", "llm": {"model": "gpt-4o-mini"}}""");
    write("agents/poet/config.yaml", POET);

    Result result = agents("upload", dir.toString());

    assertThat(result.code).as(result.err).isZero();
    assertThat(objects()).containsExactly("agents/helper/config.yaml", "agents/helper/system-prompt.md", "agents/poet/config.yaml");
    assertThat(dir.resolve("agents/helper/config.yaml")).doesNotExist();
  }

  @Test
  void schemaViolationIsReportedOnTheLineOfTheField() throws IOException {
    write("agents/poet/config.yaml", POET.replace("  model: gpt-4o-mini", "  model: gpt-4o-mini\n  temperature: 9"));

    Result result = agents("upload", dir.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.err).contains(dir.resolve("agents/poet/config.yaml") + ":7: brain.temperature: must have a maximum value of 2");
    assertThat(objects()).isEmpty();
  }

  @Test
  void unknownMcpServerStopsTheUploadEvenWithForce() throws IOException {
    write("agents/poet/config.yaml", POET + "  mcp_servers: [hub, kubernetes]\n");

    Result result = agents("upload", "--force", dir.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.err).contains(":9: capabilities.mcp_servers[1]: unknown MCP server 'kubernetes'");
    assertThat(objects()).isEmpty();
  }

  @Test
  void gooseAgentIsRefusedAndAcceptedWithForce() throws IOException {
    write("agents/poet/config.yaml", POET.replace("type: native", "type: goose"));
    write("agents/poet/system-prompt.md", "You are poet.");

    Result refused = agents("upload", dir.toString());
    assertThat(refused.code).isEqualTo(1);
    assertThat(refused.err).contains(
        ":3: type: 'goose' cannot run on these runners (they run: claude-code, codex, native)");
    assertThat(objects()).isEmpty();

    Result forced = agents("upload", "--force", dir.toString());
    assertThat(forced.code).as(forced.err).isEqualTo(0);
    assertThat(forced.out).contains("(overridden by --force)");
    assertThat(objects()).containsExactly("agents/poet/config.yaml", "agents/poet/system-prompt.md");
  }

  @Test
  void validDefinitionsAreUploaded() throws IOException {
    write("agents/poet/config.yaml", POET);
    write("skills/haiku/SKILL.md", "---\nname: haiku\ndescription: Writes haiku\n---\n# Haiku\n");

    Result result = agents("upload", dir.toString());

    assertThat(result.code).as(result.err).isEqualTo(0);
    assertThat(result.out).contains("0 errors, 0 warnings in 1 agent and 1 skill; 2 object(s) uploaded");
    assertThat(objects()).containsExactly("agents/poet/config.yaml", "skills/haiku/SKILL.md");
  }

  @Test
  void validateOnlyChecks() throws IOException {
    write("agents/bard/config.yaml", POET);

    Result result = agents("validate", dir.toString());

    assertThat(result.code).isEqualTo(1);
    assertThat(result.err).contains(dir.resolve("agents/bard/config.yaml") + ":2: name: 'poet' must equal the folder name 'bard'");
    assertThat(result.err.lines().toList().getLast()).isEqualTo("1 error, 0 warnings in 1 agent and 0 skills: invalid");
  }

  @Test
  void folderWithoutDefinitionsIsAUsageError() {
    assertThat(agents("upload", dir.resolve("nowhere").toString()).code).isEqualTo(2);
    assertThat(agents("validate", dir.toString()).code).isEqualTo(2);
  }

  @Test
  void everyTestdataDefinitionValidates() {
    Optional<Path> corpus = findUp(Path.of("shared", "testdata", "agent-definitions"));
    assumeTrue(corpus.isPresent(), "skipped: shared/testdata/agent-definitions not found above the module (CI has it at ../shared)");

    Result result = agents("validate", corpus.get().toString());

    assertThat(result.code).as(result.err).isEqualTo(0);
  }

  @Test
  void knownMcpServersAreTheRunnersBuiltInCatalogPlusHub() {
    McpServerCatalog catalog = McpServerCatalog.builtIn(SandboxLimits.defaults());
    for (String name : RuntimeRules.DEFAULT.knownMcpServers()) {
      if (!name.equals("hub")) {
        assertThat(catalog.resolve(McpServerRequest.named(name), SandboxLimits.defaults())).as(name).isNotNull();
      }
    }
    assertThatThrownBy(() -> catalog.resolve(McpServerRequest.named("kubernetes"), SandboxLimits.defaults()))
        .hasMessageContaining("unknown MCP server");
  }

  private record Result(int code, String out, String err) {}

  private Result agents(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      String[] full = new String[args.length + 1];
      full[0] = "agents";
      System.arraycopy(args, 0, full, 1, args.length);
      int code = new CommandLine(new Main()).execute(withS3(full));
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  /** upload's S3 options go after the subcommand; validate takes none. */
  private String[] withS3(String[] args) {
    if (!args[1].equals("upload")) {
      return args;
    }
    List<String> all = new java.util.ArrayList<>(List.of(args[0], args[1], "--endpoint", s3.endpoint().toString(),
        "--bucket", bucket, "--access-key", s3.accessKey(), "--secret-key", s3.secretKey()));
    all.addAll(List.of(args).subList(2, args.length));
    return all.toArray(String[]::new);
  }

  private List<String> objects() {
    try (S3Client client = S3ClientFactory.createClient(S3Properties.of(s3.endpoint(), bucket, s3.accessKey(), s3.secretKey()))) {
      if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
        return List.of();
      }
      return client.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).sorted().toList();
    }
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static Optional<Path> findUp(Path relative) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve(relative))) {
        return Optional.of(d.resolve(relative));
      }
    }
    return Optional.empty();
  }
}

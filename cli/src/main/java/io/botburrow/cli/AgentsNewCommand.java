package io.botburrow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Write a new agent definition from a template: DIR/agents/NAME/config.yaml and system-prompt.md.",
      "Templates: coder (workspace, shell, GitHub), researcher (web search), writer (Hub only)."
    })
final class AgentsNewCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME", description = "Agent name: lower-case letters, digits and dashes, 3 to 50 characters.")
  String name;

  @Option(names = "--template", defaultValue = "writer", description = "coder, researcher or writer (default ${DEFAULT-VALUE}).")
  String template;

  @Option(names = "--dir", defaultValue = ".", description = "Definitions folder to write into (default: the current folder).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    if (!name.matches("^[a-z0-9-]{3,50}$")) {
      System.err.println("Agent name must be 3 to 50 lower-case letters, digits or dashes: " + name);
      return AgentsCommand.USAGE;
    }
    AgentTemplates chosen;
    try {
      chosen = AgentTemplates.fromWire(template);
    } catch (IllegalArgumentException e) {
      System.err.println("Unknown template '" + template + "'; choose one of " + AgentTemplates.names());
      return AgentsCommand.USAGE;
    }
    Path folder = dir.resolve("agents").resolve(name);
    if (Files.exists(folder.resolve("config.yaml"))) {
      System.err.println(folder.resolve("config.yaml") + " exists; not overwritten");
      return AgentsCommand.INVALID;
    }
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("config.yaml"), chosen.config(name));
    Files.writeString(folder.resolve("system-prompt.md"), chosen.systemPrompt(name));
    System.out.println("Wrote " + folder.resolve("config.yaml") + " and system-prompt.md (template " + template
        + "). Next: ./botburrow agents upload " + dir);
    return 0;
  }
}

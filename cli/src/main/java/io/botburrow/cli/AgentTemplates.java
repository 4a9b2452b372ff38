package io.botburrow.cli;

import java.util.List;
import java.util.Locale;

/** The starting points of {@code ./botburrow agents new}: coder, researcher and writer. */
enum AgentTemplates {
  CODER("Writes, reviews and fixes code in its workspace and on GitHub", """
      capabilities:
        grants:
          - hub:read
          - hub:write
          - filesystem:read
          - filesystem:write
        skills: []
        mcp_servers:
          - filesystem
          - github
        shell:
          enabled: true
          allowed_commands: [git, ls, cat, grep, python3, make]
          timeout_seconds: 60
      """, """
      You are %s, a careful software engineer. Read the code before changing it, make the smallest change
      that solves the problem, run the tests, and explain what you changed and why in a few sentences.
      """),
  RESEARCHER("Searches the web and the Hub and answers with sources", """
      capabilities:
        grants:
          - hub:read
          - hub:write
        skills: []
        mcp_servers:
          - brave
        shell:
          enabled: false
      """, """
      You are %s, a researcher. Search before answering, compare sources, and cite every claim with its
      link. Say plainly when the sources disagree or when you could not find an answer.
      """),
  WRITER("Drafts and edits posts, summaries and announcements", """
      capabilities:
        grants:
          - hub:read
          - hub:write
        skills: []
        mcp_servers: []
        shell:
          enabled: false
      """, """
      You are %s, a writer. Write clearly and briefly for the people in the thread; prefer short
      paragraphs and concrete words, and match the tone of the conversation.
      """);

  private final String description;
  private final String capabilities;
  private final String prompt;

  AgentTemplates(String description, String capabilities, String prompt) {
    this.description = description;
    this.capabilities = capabilities;
    this.prompt = prompt;
  }

  static List<String> names() {
    return java.util.Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
  }

  static AgentTemplates fromWire(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  String config(String agent) {
    return """
        # %s: made with ./botburrow agents new --template %s; edit freely, then ./botburrow agents validate.
        version: "1.0.0"

        name: %s
        description: %s
        type: native

        brain:
          provider: openai
          model: gpt-4o-mini
          temperature: 0.5
          max_tokens: 2048

        %s
        behavior:
          respond_to_mentions: true
          respond_to_replies: true
          max_iterations: 8
          discovery:
            enabled: false

        # Triggers beyond mentions (see docs/triggers.md):
        # schedules:
        #   - cron: "0 9 * * MON-FRI"
        #     prompt: Post a short summary of yesterday's work.
        # webhooks:
        #   - name: github
        #     events: [push]
        #     secret_env: GITHUB_WEBHOOK_SECRET
        #     prompt: "Process this GitHub {{event}} event: {{payload}}"
        # output:
        #   community: m/general
        """.formatted(agent, name().toLowerCase(Locale.ROOT), agent, description, capabilities.strip());
  }

  String systemPrompt(String agent) {
    return prompt.formatted(agent);
  }
}

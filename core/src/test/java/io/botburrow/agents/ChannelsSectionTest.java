package io.botburrow.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.agents.character.RigCharacter;
import io.botburrow.agents.validation.RuntimeRules;
import io.botburrow.channels.ChannelSubscription;
import io.botburrow.channels.ChannelSubscription.Respond;
import io.botburrow.channels.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelsSectionTest {
  private static final String BASE = """
      name: ops-bot
      type: native
      brain: {provider: openai, model: gpt-4o-mini}
      capabilities: {grants: [hub:read, hub:write]}
      """;

  private static AgentConfig parse(String extra) {
    return new AgentConfigParser().parse("config.yaml", BASE + extra).config();
  }

  @Test
  void channelsNamePlatformIdsAndWhatToAnswer() {
    AgentConfig config = parse("""
        channels:
          - platform: slack
            channels: [C0123ABC, C0456DEF]
            respond: all
          - platform: discord
            channels: ["1477261755125075969"]
        """);

    assertThat(config.triggers().channels()).containsExactly(
        new ChannelSubscription(Platform.SLACK, List.of("C0123ABC", "C0456DEF"), Respond.ALL),
        new ChannelSubscription(Platform.DISCORD, List.of("1477261755125075969"), Respond.MENTIONS));
    assertThat(config.extensions()).doesNotContainKey("channels");
  }

  @Test
  void anUnknownPlatformOrAnswerIsAnErrorNamingTheField() {
    assertThatThrownBy(() -> parse("channels:\n  - {platform: teams, channels: [x]}\n"))
        .hasMessageContaining("channels[0].platform").hasMessageContaining("slack or discord");
    assertThatThrownBy(() -> parse("channels:\n  - {platform: slack, channels: [C1], respond: sometimes}\n"))
        .hasMessageContaining("channels[0].respond");
    assertThatThrownBy(() -> parse("channels:\n  - {platform: slack, channels: []}\n"))
        .hasMessageContaining("at least one channel id");
  }

  @Test
  void aRigCharactersMessagingBlockBecomesAChannelsEntry() {
    // the messaging block as conductor-e's character.json has it
    String json = """
        {"name": "Conductor-E", "llm": {"provider": "anthropic", "model": "claude-x"},
         "messaging": {"platform": "discord", "config": {"guildId": "1477260986854498477",
           "channels": {"tasks": "1477261755125075969", "admin": "1477263870845517879"}}}}
        """;

    RigCharacter.Converted c = RigCharacter.convert(json, null, RuntimeRules.DEFAULT.knownMcpServers());
    AgentConfig config = new AgentConfigParser().parse("config.yaml", c.configYaml()).config();

    assertThat(config.triggers().channels()).containsExactly(new ChannelSubscription(Platform.DISCORD,
        List.of("1477261755125075969", "1477263870845517879"), Respond.MENTIONS));
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("botburrow.channels.discord"));
  }

  @Test
  void aMessagingPlatformWithoutAdapterIsLeftOutWithANote() {
    String json = """
        {"name": "Teams Bot", "llm": {"provider": "anthropic", "model": "claude-x"},
         "messaging": {"platform": "teams", "config": {"channels": {"a": "19:abc"}}}}
        """;

    RigCharacter.Converted c = RigCharacter.convert(json, null, RuntimeRules.DEFAULT.knownMcpServers());

    assertThat(new AgentConfigParser().parse("config.yaml", c.configYaml()).config().triggers().channels()).isEmpty();
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("'teams' has no adapter"));
  }
}

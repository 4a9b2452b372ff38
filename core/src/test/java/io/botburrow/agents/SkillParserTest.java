package io.botburrow.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkillParserTest {
  private static final String KEY = "skills/hub-search/SKILL.md";
  private final SkillParser parser = new SkillParser();

  @Test
  void splitsFrontMatterFromBody() {
    ParsedSkill parsed = parser.parse(KEY, """
        ---
        name: hub-search
        description: Search the Hub
        version: 1.0.0
        requires_grants: [hub:read]
        triggers: {keywords: [find], communities: [m/general]}
        ---

        # Searching

        Call `hub_search`.
        """);

    Skill skill = parsed.skill();
    assertThat(skill.name()).isEqualTo("hub-search");
    assertThat(skill.description()).isEqualTo("Search the Hub");
    assertThat(skill.body()).isEqualTo("# Searching\n\nCall `hub_search`.\n");
    assertThat(skill.frontMatter()).containsEntry("requires_grants", List.of("hub:read")).containsEntry("version", "1.0.0");
    assertThat(parsed.warnings()).isEmpty();
  }

  @Test
  void windowsLineEndingsAndAnEmptyBodyAreAccepted() {
    Skill skill = parser.parse(KEY, "---\r\nname: hub-search\r\ndescription: d\r\n---\r\n").skill();

    assertThat(skill.description()).isEqualTo("d");
    assertThat(skill.body()).isEmpty();
  }

  @Test
  void unknownFrontMatterFieldsAreWarningsAndKept() {
    ParsedSkill parsed = parser.parse(KEY, "---\nname: hub-search\ndescription: d\nlicense: MIT\n---\nbody\n");

    assertThat(parsed.warnings()).containsExactly(KEY + ": license: unknown field, ignored");
    assertThat(parsed.skill().frontMatter()).containsEntry("license", "MIT");
  }

  @Test
  void fileWithoutFrontMatterIsRejected() {
    assertThatThrownBy(() -> parser.parse(KEY, "# Just markdown\n"))
        .isInstanceOf(InvalidAgentDefinitionException.class)
        .hasMessage(KEY + ": must start with YAML front-matter between '---' lines");
    assertThatThrownBy(() -> parser.parse(KEY, "---\n---\nbody"))
        .hasMessage(KEY + ": must start with YAML front-matter between '---' lines");
  }

  @Test
  void missingDescriptionIsNamed() {
    assertThatThrownBy(() -> parser.parse(KEY, "---\nname: hub-search\n---\nbody"))
        .hasMessage(KEY + ": description: is required");
  }

  @Test
  void nameMustMatchTheFolder() {
    assertThatThrownBy(() -> parser.parse(KEY, "---\nname: hub-post\ndescription: d\n---\n"))
        .hasMessage(KEY + ": name: 'hub-post' must equal the folder name 'hub-search'");
  }

  @Test
  void badGrantIsNamedWithItsIndex() {
    assertThatThrownBy(() -> parser.parse(KEY, "---\nname: hub-search\ndescription: d\nrequires_grants: [hub:read, HUB]\n---\n"))
        .hasMessage(KEY + ": requires_grants[1]: 'HUB' does not match ^[a-z0-9-]+:[a-z0-9-]+(:[a-z0-9-]+)?$");
  }

  @Test
  void malformedFrontMatterNamesTheLine() {
    assertThatThrownBy(() -> parser.parse(KEY, "---\nname: hub-search\ndescription: [oops\n---\nbody"))
        .hasMessageStartingWith(KEY + ": malformed YAML at line ");
  }
}

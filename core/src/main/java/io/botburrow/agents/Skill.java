package io.botburrow.agents;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A skill from {@code skills/<name>/SKILL.md}: YAML front-matter, then Markdown instructions.
 *
 * @param name skill name ({@code ^[a-z0-9-]+$})
 * @param description one-line description, empty if absent
 * @param body the Markdown after the front-matter, given to the model as instructions
 * @param frontMatter every front-matter field as plain maps, lists and scalars (including name and
 *     description), in file order
 */
public record Skill(String name, String description, String body, Map<String, Object> frontMatter) {

  public Skill {
    Checks.matches("name", Checks.required("name", name), Checks.SLUG);
    description = description == null ? "" : description;
    body = body == null ? "" : body;
    // Map.copyOf would reject null YAML values and lose the order.
    frontMatter =
        frontMatter == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(frontMatter));
  }

  public static Skill of(String name, String description, String body) {
    return new Skill(name, description, body, Map.of("name", name, "description", description));
  }
}

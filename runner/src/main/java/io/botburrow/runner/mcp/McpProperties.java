package io.botburrow.runner.mcp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Set;

/**
 * {@code botburrow.mcp.*} besides credentials and servers.
 *
 * @param allowedCustomImages images an agent's custom MCP server (one the catalog does not know) may
 *     run, exact or as a prefix ending in {@code *}; none by default, so agents can use only the
 *     operator's servers
 */
@ConfigurationProperties("botburrow.mcp")
public record McpProperties(@Nullable List<String> allowedCustomImages) {
  public Set<String> customImages() {
    return allowedCustomImages == null ? Set.of() : Set.copyOf(allowedCustomImages);
  }
}

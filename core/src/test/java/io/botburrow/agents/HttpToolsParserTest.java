package io.botburrow.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpToolsParserTest {
  private static final String BASE = """
      name: api-user
      type: native
      brain:
        model: m
      capabilities:
        grants: [hub:read]
      """;

  private static AgentConfig parse(String httpTools) {
    return new AgentConfigParser().parse("config.yaml", BASE + httpTools).config();
  }

  @Test
  void readsHttpToolsWithTheirEndpoints() {
    AgentConfig config = parse("""
        http_tools:
          - name: status
            description: Service status
            base_url: https://status.example.com/v1
            endpoints:
              - {method: get, path: "/services/{id}", description: One service}
        """);

    HttpToolSpec tool = config.httpTools().getFirst();
    assertThat(tool.host()).isEqualTo("status.example.com");
    assertThat(tool.endpoints().getFirst().method()).isEqualTo("GET");
    assertThat(tool.endpoints().getFirst().path()).isEqualTo("/services/{id}");
  }

  @Test
  void refusesCredentialsAndPathsThatLeaveTheBaseUrl() {
    assertThatThrownBy(() -> parse("""
        http_tools:
          - {name: a, base_url: "https://user:pw@example.com", endpoints: [{method: GET, path: /x}]}
        """)).hasMessageContaining("base_url").hasMessageContaining("credentials");
    assertThatThrownBy(() -> parse("""
        http_tools:
          - {name: a, base_url: "https://example.com", headers: {Authorization: x}, endpoints: [{method: GET, path: /x}]}
        """)).hasMessageContaining("headers");
    assertThatThrownBy(() -> parse("""
        http_tools:
          - {name: a, base_url: "https://example.com", endpoints: [{method: GET, path: "/../admin"}]}
        """)).hasMessageContaining("path");
    assertThatThrownBy(() -> parse("""
        http_tools:
          - {name: a, base_url: "file:///etc", endpoints: [{method: GET, path: /x}]}
        """)).hasMessageContaining("http(s)");
  }
}

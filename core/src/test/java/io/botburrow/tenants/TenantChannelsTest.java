package io.botburrow.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.channels.discord.DiscordProperties;
import io.botburrow.channels.discord.DiscordSignature;
import io.botburrow.channels.slack.SlackProperties;
import io.botburrow.hub.http.HubClientProperties;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantChannelsTest {
  private static final HubClientProperties HUB = HubClientProperties.of(URI.create("http://127.0.0.1:8080"), "main-key");
  private static final SlackProperties DEPLOYMENT_SLACK = new SlackProperties("main-secret", "xoxb-main", "xapp-main",
      URI.create("http://127.0.0.1:7001/api/"), "eyes", Duration.ofSeconds(4), Duration.ofSeconds(2));
  private static final DiscordProperties DEPLOYMENT_DISCORD = new DiscordProperties(null, "discord-main",
      URI.create("http://127.0.0.1:7002/api/v10"), URI.create("ws://127.0.0.1:7002/gateway"), true, 37376,
      Duration.ofSeconds(3), "👀", Duration.ofSeconds(5));

  private static TenantChannels parse(Map<String, Object> props) {
    List<String> names = props.keySet().stream().map(k -> k.split("\\.")[2]).distinct().toList();
    Tenants tenants = TenantsConfig.parse(names, k -> Optional.ofNullable(props.get(k)), HUB);
    return TenantChannels.parse(tenants, k -> Optional.ofNullable(props.get(k)), DEPLOYMENT_SLACK, DEPLOYMENT_DISCORD);
  }

  @Test
  void theDefaultTenantHasTheDeploymentsAppsAndATenantItsOwnSecretsWithTheDeploymentsOtherSettings() throws Exception {
    String publicKey = DiscordSignature.rawHex(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
    Map<String, Object> props = new HashMap<>();
    props.put("botburrow.tenants.acme.hub.url", "http://127.0.0.1:9001");
    props.put("botburrow.tenants.acme.channels.slack.signing-secret", "acme-secret");
    props.put("botburrow.tenants.acme.channels.slack.bot-token", "xoxb-acme");
    props.put("botburrow.tenants.acme.channels.slack.reaction", ":white_check_mark:");
    props.put("botburrow.tenants.acme.channels.discord.public-key", publicKey);
    props.put("botburrow.tenants.acme.channels.discord.gateway", "false");

    TenantChannels channels = parse(props);

    assertThat(channels.of("default").slack()).isEqualTo(DEPLOYMENT_SLACK);
    assertThat(channels.of("default").discord()).isEqualTo(DEPLOYMENT_DISCORD);
    SlackProperties acme = channels.of("acme").slack();
    assertThat(acme.signingSecret()).isEqualTo("acme-secret");
    assertThat(acme.botToken()).isEqualTo("xoxb-acme");
    assertThat(acme.appToken()).as("no Socket Mode of the deployment's app for acme").isNull();
    assertThat(acme.reaction()).isEqualTo("white_check_mark");
    assertThat(acme.baseUrl()).isEqualTo(DEPLOYMENT_SLACK.baseUrl());
    assertThat(acme.timeout()).isEqualTo(Duration.ofSeconds(4));
    DiscordProperties acmeDiscord = channels.of("acme").discord();
    assertThat(acmeDiscord.publicKey()).isEqualTo(publicKey);
    assertThat(acmeDiscord.botToken()).as("the deployment's bot is not acme's").isNull();
    assertThat(acmeDiscord.gateway()).isFalse();
    assertThat(acmeDiscord.apiBaseUrl()).isEqualTo(DEPLOYMENT_DISCORD.apiBaseUrl());
  }

  @Test
  void aTenantWithoutAppsHasNoneAndATenantNotServedHasNoneEither() {
    TenantChannels channels = parse(Map.of("botburrow.tenants.beta.hub.url", "http://127.0.0.1:9002"));

    assertThat(channels.serves("beta")).isTrue();
    assertThat(channels.of("beta").slack().signingSecret()).isNull();
    assertThat(channels.of("beta").slack().botToken()).isNull();
    assertThat(channels.of("beta").discord().botToken()).isNull();
    assertThat(channels.serves("globex")).isFalse();
    assertThat(channels.of("globex").slack().signingSecret()).isNull();
  }

  @Test
  void theDefaultTenantsAppsAreSetUnderBotburrowChannelsOnly() {
    assertThatThrownBy(() -> parse(Map.of("botburrow.tenants.default.channels.slack.bot-token", "xoxb-other")))
        .hasMessageContaining("botburrow.tenants.default.channels.slack.bot-token cannot be set");
    assertThatThrownBy(() -> parse(Map.of("botburrow.tenants.default.channels.discord.api-base-url", "http://127.0.0.1:1")))
        .hasMessageContaining("botburrow.tenants.default.channels.discord.api-base-url cannot be set");
  }

  @Test
  void badValuesNameTheirProperty() {
    Map<String, Object> key = new HashMap<>(Map.of("botburrow.tenants.acme.hub.url", "http://127.0.0.1:9001"));
    key.put("botburrow.tenants.acme.channels.discord.public-key", "not-hex");
    Map<String, Object> timeout = new HashMap<>(Map.of("botburrow.tenants.acme.hub.url", "http://127.0.0.1:9001"));
    timeout.put("botburrow.tenants.acme.channels.slack.timeout", "soon");

    assertThatThrownBy(() -> parse(key)).hasMessageContaining("botburrow.tenants.acme.channels.discord.public-key");
    assertThatThrownBy(() -> parse(timeout)).hasMessageContaining("botburrow.tenants.acme.channels.slack.timeout");
  }

  @Test
  void itsDescriptionCarriesNoSecret() {
    Map<String, Object> props = new HashMap<>();
    props.put("botburrow.tenants.acme.hub.url", "http://127.0.0.1:9001");
    props.put("botburrow.tenants.acme.channels.slack.signing-secret", "CANARY-SIGNING-SECRET");
    props.put("botburrow.tenants.acme.channels.slack.bot-token", "CANARY-BOT-TOKEN");

    String text = parse(props).toString() + parse(props).of("acme");

    assertThat(text).doesNotContain("CANARY").doesNotContain("main-secret").doesNotContain("xoxb-main").contains("acme");
  }
}

package io.botburrow.channels.discord;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * The Discord application ({@code botburrow.channels.discord.*}, or {@code BOTBURROW_CHANNELS_DISCORD_*}).
 * Set by the operator, never in a definition.
 *
 * @param publicKey the application's public key (hex): without it {@code POST /channels/discord/interactions}
 *     answers 503
 * @param botToken the bot token: without it nothing is posted and no gateway connection is opened
 * @param apiBaseUrl the REST API, {@value #DEFAULT_API} (a local fake in tests)
 * @param gatewayUrl the Gateway, {@value #DEFAULT_GATEWAY}
 * @param gateway whether the coordinator leader holds a gateway connection (with a bot token)
 * @param intents the gateway intents, default GUILD_MESSAGES, DIRECT_MESSAGES and MESSAGE_CONTENT
 * @param reconnectDelay wait before reconnecting a dropped gateway connection
 * @param reaction the reaction added to a message when its work is accepted, empty for none
 * @param timeout per REST call
 */
@ConfigurationProperties("botburrow.channels.discord")
public record DiscordProperties(
    @Nullable String publicKey,
    @Nullable String botToken,
    @Bindable(defaultValue = DEFAULT_API) URI apiBaseUrl,
    @Bindable(defaultValue = DEFAULT_GATEWAY) URI gatewayUrl,
    @Bindable(defaultValue = "true") boolean gateway,
    @Bindable(defaultValue = "37376") int intents,
    @Bindable(defaultValue = "5s") Duration reconnectDelay,
    @Bindable(defaultValue = "👀") String reaction,
    @Bindable(defaultValue = "10s") Duration timeout) {
  public static final String DEFAULT_API = "https://discord.com/api/v10";
  public static final String DEFAULT_GATEWAY = "wss://gateway.discord.gg/?v=10&encoding=json";

  public DiscordProperties {
    publicKey = publicKey == null || publicKey.isBlank() ? null : publicKey.trim();
    if (publicKey != null) {
      // a mistyped key fails the start-up, not Discord's first request
      new DiscordSignature(publicKey);
    }
    botToken = botToken == null || botToken.isBlank() ? null : botToken.trim();
    apiBaseUrl = apiBaseUrl == null ? URI.create(DEFAULT_API) : apiBaseUrl;
    gatewayUrl = gatewayUrl == null ? URI.create(DEFAULT_GATEWAY) : gatewayUrl;
    reconnectDelay = reconnectDelay == null ? Duration.ofSeconds(5) : reconnectDelay;
    reaction = reaction == null ? "" : reaction.trim();
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
  }

  public static DiscordProperties none() {
    return new DiscordProperties(null, null, null, null, true, DiscordGateway.DEFAULT_INTENTS, null, null, null);
  }

  // the token stays out of logs and error pages
  @Override
  public String toString() {
    return "DiscordProperties[publicKey=" + (publicKey == null ? "unset" : "set") + ", botToken="
        + (botToken == null ? "unset" : "set") + ", apiBaseUrl=" + apiBaseUrl + ", gatewayUrl=" + gatewayUrl + "]";
  }
}

package io.botburrow.channels.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * The Slack app ({@code botburrow.channels.slack.*}, or {@code BOTBURROW_CHANNELS_SLACK_*}). Set by the
 * operator, never in a definition.
 *
 * @param signingSecret the app's signing secret: without it {@code POST /channels/slack/events} answers 503
 * @param botToken the bot token ({@code xoxb-...}): without it nothing is posted to Slack
 * @param appToken an app-level token ({@code xapp-...}, scope {@code connections:write}): with it the
 *     coordinator leader also receives events over Socket Mode, for deployments without a public URL
 * @param baseUrl the Web API, {@value #DEFAULT_BASE_URL} (a local fake in tests)
 * @param reaction the reaction added to a message when its work is accepted, empty for none
 * @param timeout per Web API call
 * @param reconnectDelay wait before reopening a dropped Socket Mode connection
 */
@ConfigurationProperties("botburrow.channels.slack")
public record SlackProperties(
    @Nullable String signingSecret,
    @Nullable String botToken,
    @Nullable String appToken,
    @Bindable(defaultValue = DEFAULT_BASE_URL) URI baseUrl,
    @Bindable(defaultValue = "eyes") String reaction,
    @Bindable(defaultValue = "10s") Duration timeout,
    @Bindable(defaultValue = "5s") Duration reconnectDelay) {
  public static final String DEFAULT_BASE_URL = "https://slack.com/api/";

  public SlackProperties {
    signingSecret = signingSecret == null || signingSecret.isBlank() ? null : signingSecret.trim();
    botToken = botToken == null || botToken.isBlank() ? null : botToken.trim();
    appToken = appToken == null || appToken.isBlank() ? null : appToken.trim();
    baseUrl = baseUrl == null ? URI.create(DEFAULT_BASE_URL) : baseUrl;
    reaction = reaction == null ? "" : reaction.replace(":", "").trim();
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    reconnectDelay = reconnectDelay == null ? Duration.ofSeconds(5) : reconnectDelay;
  }

  public static SlackProperties none() {
    return new SlackProperties(null, null, null, null, null, null, null);
  }

  // the secrets stay out of logs and error pages
  @Override
  public String toString() {
    return "SlackProperties[signingSecret=" + (signingSecret == null ? "unset" : "set") + ", botToken="
        + (botToken == null ? "unset" : "set") + ", appToken=" + (appToken == null ? "unset" : "set") + ", baseUrl=" + baseUrl + ", reaction=" + reaction + "]";
  }
}

package io.botburrow.coordinator.channels;

import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.channels.ChannelAdapters;
import io.botburrow.channels.MessagingChannels;
import io.botburrow.channels.discord.DiscordChannel;
import io.botburrow.channels.discord.DiscordGateway;
import io.botburrow.channels.discord.DiscordProperties;
import io.botburrow.channels.slack.SlackProperties;
import io.botburrow.channels.slack.SlackSocketMode;
import io.botburrow.channels.slack.SlackWebApi;
import io.botburrow.coordinator.duties.LeaderDuty;
import io.botburrow.coordinator.ingress.TriggerIngress;
import io.botburrow.hub.HubClient;
import io.botburrow.queue.EffectLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Slack and Discord ingress of every replica, for every tenant, and the leader's Socket Mode and Discord gateway
 * connections.
 */
@Factory
@Requires(env = "coordinator")
class ChannelsFactory {
  /** How long the agents' channels: entries are used before the definitions are read again. */
  static final Duration DIRECTORY_REFRESH = Duration.ofSeconds(30);
  static final Duration DEDUP = Duration.ofHours(24);

  @Singleton
  @Named("channels")
  MessagingChannels coordinatorChannels(HubClient hub, SlackProperties slack, DiscordProperties discord, Clock clock) {
    return ChannelAdapters.sending(hub, slack, discord, clock);
  }

  @Singleton
  ChannelIntake channelIntake(
      AgentDefinitionStore definitions, TriggerIngress ingress, @Named("channels") MessagingChannels channels,
      MeterRegistry registry, @Named(TaskExecutors.BLOCKING) ExecutorService background, SlackProperties slack,
      DiscordProperties discord, Clock clock) {
    return new ChannelIntake(new ChannelDirectory(definitions, clock, DIRECTORY_REFRESH), ingress, channels, registry,
        background, DEDUP, slack.reaction(), discord.reaction());
  }

  @Singleton
  ChannelIntakes channelIntakes(ChannelIntake defaultIntake, io.botburrow.coordinator.ingress.TenantIngresses ingresses,
      io.botburrow.tenants.TenantChannels apps, io.botburrow.tenants.TenantHubs hubs, MeterRegistry registry,
      @Named(TaskExecutors.BLOCKING) ExecutorService background, Clock clock) {
    return new ChannelIntakes(defaultIntake, ingresses, apps, hubs, registry, background, clock);
  }

  @Singleton
  @Named("channel-connections")
  @Bean(preDestroy = "shutdownNow")
  ScheduledExecutorService connectionScheduler() {
    return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("channel-connections").daemon().factory());
  }

  @Singleton
  @Requires(property = "botburrow.channels.slack.app-token")
  SlackSocketModeDuty slackSocketModeDuty(
      SlackProperties slack, ChannelIntake intake, @Named("channel-connections") ScheduledExecutorService scheduler) {
    return socketMode(slack, intake, scheduler);
  }

  @Singleton
  @Requires(property = "botburrow.channels.discord.bot-token")
  @Requires(property = "botburrow.channels.discord.gateway", notEquals = "false")
  DiscordGatewayDuty discordGatewayDuty(
      DiscordProperties discord, ChannelIntake intake, @Named("channel-connections") ScheduledExecutorService scheduler,
      Clock clock, EffectLedger ledger) {
    return gateway(discord, intake, scheduler, clock, ledger);
  }

  /**
   * The leader's connections of the other tenants' apps: Socket Mode for each tenant with an app-level token, the
   * Discord gateway for each with a bot token (and {@code gateway} not off). Each tenant's connection hands its events
   * to that tenant's intake.
   */
  @Singleton
  TenantChannelDuties tenantChannelDuties(io.botburrow.tenants.Tenants tenants, ChannelIntakes intakes,
      @Named("channel-connections") ScheduledExecutorService scheduler, Clock clock, EffectLedger ledger) {
    List<LeaderDuty> duties = new ArrayList<>();
    for (io.botburrow.tenants.Tenant t : tenants.all()) {
      io.botburrow.tenants.TenantChannels.Apps apps = intakes.apps(t.name());
      if (t.isDefault() || (apps.slack().appToken() == null && apps.discord().botToken() == null)) {
        continue;
      }
      ChannelIntake intake = intakes.of(t.name()).orElseThrow(() -> new IllegalStateException("botburrow.tenants."
          + t.name() + ".channels needs the definitions bucket (botburrow.s3.bucket) and Redis (botburrow.redis.enabled)"));
      if (apps.slack().appToken() != null) {
        duties.add(socketMode(apps.slack(), intake, scheduler));
      }
      if (apps.discord().botToken() != null && apps.discord().gateway()) {
        duties.add(gateway(apps.discord(), intake, scheduler, clock, ledger));
      }
    }
    return new TenantChannelDuties(List.copyOf(duties));
  }

  private static SlackSocketModeDuty socketMode(
      SlackProperties slack, ChannelIntake intake, ScheduledExecutorService scheduler) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(slack.timeout()).build();
    return new SlackSocketModeDuty(() -> new SlackSocketMode(http,
        SlackWebApi.create(slack.baseUrl(), slack.appToken(), slack.timeout()), scheduler, slack.reconnectDelay()), intake);
  }

  private static DiscordGatewayDuty gateway(DiscordProperties discord, ChannelIntake intake,
      ScheduledExecutorService scheduler, Clock clock, EffectLedger ledger) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(discord.timeout()).build();
    return new DiscordGatewayDuty(() -> new DiscordChannel(ChannelAdapters.discordRest(http, discord, clock),
        new DiscordGateway(http, discord.gatewayUrl(), discord.botToken(), discord.intents(), scheduler,
            discord.reconnectDelay(), new LedgerGatewaySessions(ledger, intake.tenant()))), intake, scheduler,
        Duration.ofSeconds(1));
  }
}

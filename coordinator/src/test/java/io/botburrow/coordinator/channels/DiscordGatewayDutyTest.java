package io.botburrow.coordinator.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.activation.ActivationKind;
import io.botburrow.agents.AgentConfigParser;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.memory.InMemoryAgentDefinitionStore;
import io.botburrow.channels.InboundMessage;
import io.botburrow.channels.MessagingChannel;
import io.botburrow.channels.MessagingChannels;
import io.botburrow.channels.OutgoingMessage;
import io.botburrow.channels.Platform;
import io.botburrow.channels.ReplyTarget;
import io.botburrow.channels.SentMessage;
import io.botburrow.coordinator.ingress.HubRegistration;
import io.botburrow.coordinator.ingress.TriggerIngress;
import io.botburrow.hub.HubClient;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.queue.memory.InMemoryActivationQueue;
import io.botburrow.tasks.memory.InMemoryTaskStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscordGatewayDutyTest {
  private final Clock clock = Clock.systemUTC();
  private final InMemoryActivationQueue queue = new InMemoryActivationQueue(QueueSettings.defaults(), clock);
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final GatewayStub gateway = new GatewayStub();

  /** The gateway side of the port: the test delivers messages as Discord would. */
  static final class GatewayStub implements MessagingChannel {
    Consumer<InboundMessage> listener;
    int connects;

    @Override
    public Platform platform() {
      return Platform.DISCORD;
    }

    @Override
    public void connect() {
      connects++;
    }

    @Override
    public void onMessage(Consumer<InboundMessage> l) {
      listener = l;
    }

    @Override
    public SentMessage sendMessage(OutgoingMessage message) {
      return new SentMessage("1", false);
    }

    @Override
    public ReplyTarget createThread(ReplyTarget target, String title) {
      return target;
    }

    @Override
    public void addReaction(ReplyTarget target, String emoji) {}
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private DiscordGatewayDuty duty() {
    queue.startTerm(1);
    InMemoryAgentDefinitionStore store = new InMemoryAgentDefinitionStore();
    store.put(new AgentDefinition(new AgentConfigParser().parse("config.yaml", """
        name: chat-agent
        type: native
        brain: {model: m}
        capabilities: {grants: [hub:read]}
        channels:
          - {platform: discord, channels: ["42"]}
        """).config(), "", List.of(), "r1"));
    HubClient hub = (HubClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HubClient.class},
        (p, m, args) -> true);
    // Redis down for the first tries
    ActivationQueue flaky = (ActivationQueue) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ActivationQueue.class}, (p, m, args) -> {
          if (m.getName().equals("submit") && failuresLeft.getAndDecrement() > 0) {
            throw new QueueUnavailableException("connection refused", null);
          }
          try {
            return m.invoke(queue, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    TriggerIngress ingress = new TriggerIngress(flaky, new InMemoryTaskStore(), clock, new HubRegistration(hub, store));
    ChannelIntake intake = new ChannelIntake(new ChannelDirectory(store, clock, Duration.ofSeconds(30)), ingress,
        MessagingChannels.NONE, new SimpleMeterRegistry(), Runnable::run, Duration.ofHours(24), "", "");
    return new DiscordGatewayDuty(() -> gateway, intake, scheduler, Duration.ofMillis(10));
  }

  private static InboundMessage mention(String id) {
    return new InboundMessage("discord:" + id, "42", "u-7", "hello", true, ReplyTarget.discordMessage("42", id));
  }

  @Test
  void startingConnectsTheGatewayAndAMentionBecomesAMessageActivation() {
    DiscordGatewayDuty duty = duty();

    duty.start(1);
    gateway.listener.accept(mention("100"));

    assertThat(gateway.connects).isEqualTo(1);
    assertThat(queue.depth(ActivationKind.MESSAGE)).isEqualTo(1);
  }

  @Test
  void aMessageThatCannotBeEnqueuedIsTriedAgainUntilRedisIsBack() {
    failuresLeft.set(3);
    DiscordGatewayDuty duty = duty();
    duty.start(1);

    gateway.listener.accept(mention("101"));

    await().atMost(Duration.ofSeconds(5)).until(() -> queue.depth(ActivationKind.MESSAGE) == 1);
    assertThat(failuresLeft.get()).isLessThan(0);
  }
}

package io.botburrow.queue.redis;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.Trigger;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.FencedOutException;
import io.botburrow.queue.LeaseReaper;
import io.botburrow.queue.QueueSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coordinator side of the Redis activation queue: deduplicated, fenced enqueue and the lease reaper.
 * See {@code core/README.md}, "Activation queue", for the data layout.
 */
public final class RedisActivationQueue implements ActivationQueue, LeaseReaper {
  private static final Logger LOG = LoggerFactory.getLogger(RedisActivationQueue.class);
  private static final int REAP_BATCH = 100;
  private static final int MAX_BATCH = 100;
  private static final String FENCED = "FENCED:";
  // what enqueue.lua takes for "no term token: ingress"
  private static final long INGRESS_TOKEN = -1;

  private record Enqueue(Activation activation, long fencingToken) {}

  private final QueueRedis redis;
  private final QueueSettings settings;
  private final CallBatcher<Enqueue, String> enqueues = CallBatcher.blocking(this::enqueueBatch, MAX_BATCH);

  public RedisActivationQueue(
      RedissonClient client, RedisQueueKeys keys, QueueSettings settings, Clock clock) {
    this.redis = new QueueRedis(client, keys, clock);
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public EnqueueResult enqueue(Activation activation, long fencingToken) {
    return unfenced(enqueues.submit(new Enqueue(activation, fencingToken)), fencingToken);
  }

  @Override
  public List<EnqueueResult> enqueueAll(List<Activation> activations, long fencingToken) {
    List<EnqueueResult> results = new ArrayList<>(activations.size());
    for (int from = 0; from < activations.size(); from += MAX_BATCH) {
      List<Enqueue> chunk = activations.subList(from, Math.min(activations.size(), from + MAX_BATCH))
          .stream().map(activation -> new Enqueue(activation, fencingToken)).toList();
      for (String outcome : enqueueBatch(chunk)) {
        results.add(unfenced(outcome, fencingToken));
      }
    }
    return results;
  }

  @Override
  public EnqueueResult submit(Activation activation) {
    ActivationQueue.requireIngress(activation);
    return unfenced(enqueues.submit(new Enqueue(activation, INGRESS_TOKEN)), INGRESS_TOKEN);
  }

  private List<String> enqueueBatch(List<Enqueue> batch) {
    List<Object> args = new ArrayList<>(batch.size() * 8);
    for (Enqueue item : batch) {
      Activation activation = item.activation();
      args.add(activation.queueKey());
      args.add(RedisQueueKeys.scriptIndex(activation.kind()));
      String document = ActivationJson.write(activation);
      args.add(document);
      args.add(item.fencingToken());
      args.add(activation.enqueuedAt().toEpochMilli());
      args.add(ActivationJson.notificationIdsJson(document));
      Trigger trigger = activation.trigger();
      args.add(trigger == null ? "" : trigger.key());
      args.add(trigger == null ? 0 : trigger.dedupFor().toMillis());
    }
    List<Object> outcomes = redis.eval("enqueue", redis.scripts().enqueue(), ReturnType.MULTI, args.toArray());
    for (int i = 0; i < batch.size(); i++) {
      LOG.debug("Activation(id={}, agent={}) enqueue: {}",
          batch.get(i).activation().id(), batch.get(i).activation().agent(), outcomes.get(i));
    }
    return outcomes.stream().map(String.class::cast).toList();
  }

  private static EnqueueResult unfenced(String outcome, long fencingToken) {
    if (outcome.startsWith(FENCED)) {
      throw new FencedOutException(fencingToken, Long.parseLong(outcome.substring(FENCED.length())));
    }
    return EnqueueResult.valueOf(outcome);
  }

  @Override
  public long depth(ActivationKind kind) {
    return redis.depth(kind);
  }

  @Override
  public Optional<Duration> oldestAge(ActivationKind kind) {
    return redis.oldestAge(kind);
  }

  @Override
  public int reapExpiredLeases() {
    int total = 0;
    while (true) {
      Long reaped =
          redis.eval("reap", redis.scripts().reap(), ReturnType.INTEGER, settings.maxAttempts(), REAP_BATCH);
      total += reaped.intValue();
      if (reaped < REAP_BATCH) {
        if (total > 0) {
          LOG.info("Reaped {} expired activation leases", total);
        }
        return total;
      }
    }
  }

  @Override
  public Set<String> leaseHolders() {
    List<Object> owners = redis.eval("holders", redis.scripts().holders(), ReturnType.MULTI);
    Set<String> runners = new HashSet<>();
    for (Object owner : owners) {
      String text = owner.toString();
      int bar = text.lastIndexOf('|');
      runners.add(bar < 0 ? text : text.substring(0, bar));
    }
    return runners;
  }

  @Override
  public int reapLeasesOf(String runnerId) {
    Long reaped = redis.eval("reap-runner", redis.scripts().reapRunner(), ReturnType.INTEGER, settings.maxAttempts(), runnerId);
    if (reaped > 0) {
      LOG.info("Runner(id={}) missed its heartbeats: took back {} activation lease(s)", runnerId, reaped);
    }
    return reaped.intValue();
  }
}

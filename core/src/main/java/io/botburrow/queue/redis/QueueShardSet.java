package io.botburrow.queue.redis;

import io.botburrow.activation.Activation;
import io.botburrow.queue.QueueSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RedissonClient;

/** The shards of a {@link QueueShards} layout, each a complete Redis queue of one tenant, and where work goes. */
final class QueueShardSet {
  /** One shard: a complete queue of one tenant. */
  record Shard(
      String tenant, int index, RedisQueueKeys keys, RedisActivationQueue queue, RedisActivationClaims claims,
      RedisQueueAdmin admin) {}

  private final QueueShards layout;
  private final Map<String, List<Shard>> byTenant = new LinkedHashMap<>();
  private final List<Shard> all = new ArrayList<>();

  QueueShardSet(RedissonClient client, QueueShards layout, QueueSettings settings, Clock clock) {
    this.layout = layout;
    for (String tenant : layout.tenants()) {
      List<Shard> tenantShards = new ArrayList<>();
      for (int i = 0; i < layout.shardsPerTenant(); i++) {
        RedisQueueKeys keys = layout.keys(tenant, i);
        tenantShards.add(new Shard(tenant, i, keys, new RedisActivationQueue(client, keys, settings, clock),
            new RedisActivationClaims(client, keys, settings, clock), new RedisQueueAdmin(client, keys, clock)));
      }
      byTenant.put(tenant, List.copyOf(tenantShards));
      all.addAll(tenantShards);
    }
  }

  /** Every shard, tenant by tenant. */
  List<Shard> all() {
    return all;
  }

  /** Whether there is only one shard (every call can go straight to it). */
  boolean single() {
    return all.size() == 1;
  }

  Set<String> tenants() {
    return byTenant.keySet();
  }

  /** The shards of {@code tenant}, or null for a tenant not configured. */
  List<Shard> of(String tenant) {
    return byTenant.get(tenant);
  }

  /** The shard that holds {@code activation}'s work. */
  Shard shardOf(Activation activation) {
    return shardOf(activation.tenant(), activation.agent());
  }

  /** Without configured tenants every activation, whatever its tenant, goes to the default tenant's shards. */
  Shard shardOf(String tenant, String agent) {
    List<Shard> tenantShards = byTenant.size() == 1 ? all : byTenant.get(tenant);
    if (tenantShards == null) {
      throw new IllegalArgumentException(
          "unknown tenant '" + tenant + "': configure it under botburrow.tenants." + tenant + " first");
    }
    return tenantShards.get(layout.shardOf(agent));
  }
}

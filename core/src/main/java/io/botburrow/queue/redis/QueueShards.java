package io.botburrow.queue.redis;

import io.botburrow.activation.Activation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the activation queue's work lives: {@code shardsPerTenant} shards per tenant, each a complete queue
 * ({@link RedisQueueKeys}) under its own hash-tagged prefix, so that every script of a shard touches one
 * Redis Cluster slot and different shards can live on different primaries.
 *
 * <p>An agent's work of every kind goes to one shard of its tenant, chosen by the agent's name: single flight
 * (one running activation per agent) is enforced inside one shard's {@code running} hash, which must therefore
 * see all of the agent's work. Each shard holds every kind; a claim of a pool reads only its kinds' keys.
 *
 * <p>Without a cluster, the default tenant's first shard keeps the base prefix, so a single-tenant,
 * single-shard deployment uses exactly the keys it always had.
 *
 * @param prefix the base key prefix ({@code botburrow.redis.key-prefix}); its braces, if any, are dropped
 *     in shard prefixes (only the first tag of a key counts, and it must be the shard's)
 * @param cluster whether Redis is a cluster (then every shard's prefix has a tag, the first included)
 * @param shardsPerTenant shards of each tenant
 * @param weights tenant → weight of its claims (positive), in a stable order; the default tenant is
 *     always included
 */
public record QueueShards(String prefix, boolean cluster, int shardsPerTenant, Map<String, Integer> weights) {
  private static final int SLOTS = 16_384;

  public QueueShards {
    Objects.requireNonNull(prefix, "prefix");
    if (shardsPerTenant < 1) {
      throw new IllegalArgumentException("shards per tenant must be at least 1, got " + shardsPerTenant);
    }
    Map<String, Integer> copy = new LinkedHashMap<>();
    copy.put(Activation.DEFAULT_TENANT, 1);
    (weights == null ? Map.<String, Integer>of() : weights).forEach((tenant, weight) -> {
      Activation.requireTenantName(tenant);
      if (weight == null || weight < 1) {
        throw new IllegalArgumentException(
            "botburrow.tenants." + tenant + ".weight must be a positive integer, got " + weight);
      }
      copy.put(tenant, weight);
    });
    weights = java.util.Collections.unmodifiableMap(copy);
  }

  /** One tenant (the default one), one shard, no cluster: today's single queue under {@code prefix}. */
  public static QueueShards single(String prefix) {
    return new QueueShards(prefix, false, 1, Map.of());
  }

  /** Whether this is one queue under the base prefix (nothing to route). */
  public boolean isSingle() {
    return shardsPerTenant == 1 && weights.size() == 1 && !cluster;
  }

  public List<String> tenants() {
    return List.copyOf(weights.keySet());
  }

  public int weight(String tenant) {
    return weights.getOrDefault(tenant, 1);
  }

  /** The keys of {@code tenant}'s shard {@code index}. */
  public RedisQueueKeys keys(String tenant, int index) {
    if (!cluster && index == 0 && tenant.equals(Activation.DEFAULT_TENANT)) {
      return new RedisQueueKeys(prefix);
    }
    return new RedisQueueKeys(prefix.replace("{", "").replace("}", "") + "{" + tag(tenant, index) + "}:");
  }

  /** Every shard's keys, tenant by tenant. */
  public List<RedisQueueKeys> allKeys() {
    List<RedisQueueKeys> all = new ArrayList<>();
    for (String tenant : weights.keySet()) {
      for (int i = 0; i < shardsPerTenant; i++) {
        all.add(keys(tenant, i));
      }
    }
    return all;
  }

  /** The shard of {@code agent} within its tenant: the same for all of the agent's work. */
  public int shardOf(String agent) {
    return shardsPerTenant == 1 ? 0 : Math.floorMod(crc16(agent.getBytes(StandardCharsets.UTF_8)), shardsPerTenant);
  }

  /**
   * The hash tag of a shard: {@code <tenant>.<index>}, with a suffix {@code .<n>} (the smallest that fits)
   * putting its slot into the {@code index}-th of {@code shardsPerTenant} equal parts of the slot space. A
   * cluster whose primaries own equal slot ranges (as {@code redis-cli --cluster create} deals them) thus
   * holds a tenant's shards on as many different primaries as it can.
   */
  String tag(String tenant, int index) {
    String base = tenant + "." + index;
    int low = index * SLOTS / shardsPerTenant;
    int high = (index + 1) * SLOTS / shardsPerTenant;
    for (int n = 0; ; n++) {
      String tag = n == 0 ? base : base + "." + n;
      int slot = slot(tag);
      if (slot >= low && slot < high) {
        return tag;
      }
    }
  }

  /** CRC16/XMODEM, the checksum Redis Cluster maps keys to slots with. */
  static int crc16(byte[] bytes) {
    int crc = 0;
    for (byte b : bytes) {
      crc ^= (b & 0xff) << 8;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
    }
    return crc & 0xffff;
  }

  /** The Redis Cluster slot of {@code key} (of its hash tag, if it has one). */
  public static int slot(String key) {
    int open = key.indexOf('{');
    if (open >= 0) {
      int close = key.indexOf('}', open + 1);
      if (close > open + 1) {
        key = key.substring(open + 1, close);
      }
    }
    return crc16(key.getBytes(StandardCharsets.UTF_8)) % SLOTS;
  }
}

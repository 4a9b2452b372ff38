package io.botburrow.agents.s3;

import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.agents.AgentStoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Agent definitions from an S3-compatible bucket (R2, MinIO, AWS, s3proxy): {@code agents/<name>/config.yaml},
 * {@code agents/<name>/system-prompt.md} (optional) and {@code skills/<skill>/SKILL.md} (missing ones
 * are skipped with a warning).
 *
 * <p>Each definition is cached for its {@code cache_ttl}; after that its objects are revalidated with
 * If-None-Match, so an unchanged definition costs one 304 per object. When the bucket cannot be
 * reached during a revalidation the cached copy keeps being served (with a WARN) and is retried after
 * at most {@link #STALE_RETRY}. Thread-safe; concurrent loads of one agent share one fetch.
 */
public final class S3AgentDefinitionStore implements AgentDefinitionStore {
  static final Duration STALE_RETRY = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(S3AgentDefinitionStore.class);
  private static final Pattern AGENT_NAME = Pattern.compile("^[a-z0-9-]{1,100}$");
  private static final Pattern CONFIG_KEY = Pattern.compile("^agents/([^/]+)/config\\.yaml$");

  private final S3ObjectReader reader;
  private final S3DefinitionLoader loader;
  private final Clock clock;
  private final Map<String, Snapshot> cache = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /**
   * @param s3 a client for the bucket's endpoint (see {@link S3ClientFactory#createClient}); not closed
   *     by this store
   * @param bucket the bucket name
   * @param clock time source for cache expiry
   */
  public S3AgentDefinitionStore(S3Client s3, String bucket, Clock clock) {
    this(s3, bucket, "", clock);
  }

  /**
   * A store of the definitions under {@code keyPrefix} of the bucket ({@code <keyPrefix>agents/<name>/...}, {@code
   * <keyPrefix>skills/...}): one tenant's part, which no other prefix's store reads.
   *
   * @param keyPrefix empty, or ending with {@code /}
   */
  public S3AgentDefinitionStore(S3Client s3, String bucket, String keyPrefix, Clock clock) {
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    if (!keyPrefix.isEmpty() && !keyPrefix.endsWith("/")) {
      throw new IllegalArgumentException("keyPrefix must end with '/', was '" + keyPrefix + "'");
    }
    this.reader = new S3ObjectReader(Objects.requireNonNull(s3, "s3"), Objects.requireNonNull(bucket, "bucket"), keyPrefix);
    this.loader = new S3DefinitionLoader(reader);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AgentDefinition load(String agentName) {
    if (agentName == null || !AGENT_NAME.matcher(agentName).matches()) {
      // Never build object keys from names that could not be agent names (e.g. "../x").
      throw new AgentNotFoundException(String.valueOf(agentName));
    }
    Snapshot cached = cache.get(agentName);
    if (cached != null && cached.isFresh(clock.instant())) {
      return cached.definition();
    }
    ReentrantLock lock = locks.computeIfAbsent(agentName, name -> new ReentrantLock());
    lock.lock();
    try {
      return refresh(agentName);
    } finally {
      lock.unlock();
    }
  }

  private AgentDefinition refresh(String agentName) {
    Instant now = clock.instant();
    Snapshot cached = cache.get(agentName);
    if (cached != null && cached.isFresh(now)) {
      return cached.definition();
    }
    Snapshot loaded;
    try {
      loaded = loader.load(agentName, cached, now);
    } catch (AgentStoreUnavailableException e) {
      if (cached == null) {
        throw e;
      }
      Instant retryAt = now.plus(min(STALE_RETRY, Duration.ofSeconds(cached.definition().config().cacheTtlSeconds())));
      cache.put(agentName, cached.withExpiresAt(retryAt));
      LOG.warn("Agent(name={}) bucket unavailable, serving cached revision {} until {}: {}",
          agentName, cached.definition().revision(), retryAt, e.getMessage());
      return cached.definition();
    } catch (AgentDefinitionException e) {
      cache.remove(agentName);
      throw e;
    }
    cache.put(agentName, loaded);
    if (cached == null || !cached.definition().revision().equals(loaded.definition().revision())) {
      LOG.info("Agent(name={}) definition loaded from s3://{}, revision {}, {} skill(s)",
          agentName, reader.location(), loaded.definition().revision(), loaded.definition().skills().size());
      loaded.warnings().forEach(warning -> LOG.warn("Agent(name={}) definition: {}", agentName, warning));
    }
    return loaded.definition();
  }

  @Override
  public List<String> listAgentNames() {
    return reader.listKeys("agents/").stream()
        .map(CONFIG_KEY::matcher)
        .filter(Matcher::matches)
        .map(m -> m.group(1))
        .distinct()
        .sorted()
        .toList();
  }

  /** Forgets every cached definition, so that the next load of each agent reads the bucket. */
  public void invalidateAll() {
    cache.clear();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}

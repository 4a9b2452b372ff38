package io.botburrow.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.auth.GatewayTokens;
import io.botburrow.gateway.budget.AgentBudgetProperties;
import io.botburrow.gateway.budget.AgentLimits;
import io.botburrow.gateway.budget.BudgetLimits;
import io.botburrow.gateway.budget.BudgetStore;
import io.botburrow.gateway.budget.Budgets;
import io.botburrow.gateway.budget.RateLimits;
import io.botburrow.gateway.budget.memory.InMemoryBudgetStore;
import io.botburrow.gateway.budget.redis.RedisBudgetStore;
import io.botburrow.gateway.budget.redis.RedisPrimary;
import io.botburrow.gateway.budget.redis.RespClient;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedisClusterProperties;
import io.botburrow.redis.RedisSentinelProperties;
import io.botburrow.gateway.cost.PriceTable;
import io.botburrow.gateway.front.GatewayServer;
import io.botburrow.gateway.routing.Cooldowns;
import io.botburrow.gateway.routing.DeploymentChain;
import io.botburrow.gateway.routing.DeploymentProperties;
import io.botburrow.gateway.routing.GatewayRoutes;
import io.botburrow.gateway.routing.ModelAdapters;
import io.botburrow.gateway.routing.ModelAliasProperties;
import io.botburrow.gateway.routing.memory.InMemoryCooldowns;
import io.botburrow.gateway.routing.redis.RedisCooldowns;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's beans, in the standalone gateway ({@code gateway} environment) and embedded in runners. */
@Factory
@Requires(env = {"gateway", "runner"})
public class GatewayFactory {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayFactory.class);

  @Singleton
  PriceTable priceTable(GatewayProperties props) {
    var table = PriceTable.defaults();
    return props.pricesFile() == null ? table : table.overriddenBy(props.pricesFile());
  }

  @Singleton
  GatewayRoutes gatewayRoutes(List<DeploymentProperties> deployments, List<ModelAliasProperties> aliases) {
    var routes = GatewayRoutes.from(deployments, aliases, System::getenv);
    LOG.info("LLM gateway routes: {}", routes.names().isEmpty() ? "none (endpoints only)" : routes.names());
    return routes;
  }

  @Singleton
  BudgetStore budgetStore(GatewayProperties props, BeanProvider<RedissonClient> redis,
      BeanProvider<RespClient> resp, RedisClusterProperties cluster) {
    if ("redis".equals(props.budgetStore()) && redis.isPresent()) {
      return new RedisBudgetStore(resp.get(), cluster.enabled());
    }
    LOG.warn("LLM gateway budgets are counted in this process only (botburrow.gateway.budget-store={}): other runners "
        + "and gateways do not see them", props.budgetStore());
    return new InMemoryBudgetStore();
  }

  /** Rests of failing deployments, in Redis with the budgets so that every runner and gateway skips them. */
  @Singleton
  Cooldowns cooldowns(GatewayProperties props, BeanProvider<RedissonClient> redis, BeanProvider<RespClient> resp,
      Clock clock) {
    if ("redis".equals(props.budgetStore()) && redis.isPresent()) {
      return new RedisCooldowns(resp.get(), clock, props.cooldown(), props.maxCooldown(), props.cooldownRefresh());
    }
    return new InMemoryCooldowns(clock, props.cooldown(), props.maxCooldown());
  }

  /** The gateway's own connections to Redis, for the scripts every call runs (see {@link RespClient}). */
  @Singleton
  @Bean(preDestroy = "close")
  RespClient gatewayRedis(RedisProperties redis, RedisSentinelProperties sentinel, RedisClusterProperties cluster) {
    if (cluster.enabled()) {
      return RespClient.cluster(redis.url(), redis.password(), redis.connectTimeout(), redis.timeout(), cluster.addresses());
    }
    var primary = sentinel.enabled()
        ? RedisPrimary.sentinels(sentinel.masterName(), sentinel.addresses(), redis.url().startsWith("rediss://"),
            sentinel.password(), redis.connectTimeout(), redis.timeout())
        : null;
    return new RespClient(redis.url(), redis.password(), redis.connectTimeout(), redis.timeout(), primary);
  }

  @Singleton
  GatewayTokens gatewayTokens(GatewayProperties props, ObjectMapper mapper, Clock clock) {
    var secret = props.tokenSecret();
    if (secret == null || secret.isBlank()) {
      var random = new byte[32];
      new SecureRandom().nextBytes(random);
      secret = HexFormat.of().formatHex(random);
      LOG.info("LLM gateway has no botburrow.gateway.token-secret: tokens are valid on this process only");
    }
    return new GatewayTokens(secret, mapper, clock);
  }

  @Singleton
  GatewayMetrics gatewayMetrics(MeterRegistry registry, GatewayProperties props, Environment environment) {
    // a runner counts its activations' tokens itself; a gateway alone is the only one that sees them
    boolean meterTokens = props.meterTokens() != null ? props.meterTokens()
        : !environment.getActiveNames().contains("runner");
    return new GatewayMetrics(registry, meterTokens);
  }

  /** The operator's budget limits of each agent: the defaults and {@code botburrow.gateway.agents.<agent>.*}. */
  @Singleton
  AgentLimits agentLimits(GatewayProperties props, List<AgentBudgetProperties> overrides,
      io.botburrow.tenants.Tenants tenants) {
    var defaults = new BudgetLimits(props.activationTokens(), props.activationUsd(), props.agentDailyUsd(),
        props.agentMonthlyUsd(), props.tenantMonthlyUsd());
    var budgets = new java.util.HashMap<String, io.botburrow.tenants.TenantBudget>();
    tenants.all().forEach(t -> budgets.put(t.name(), t.budget()));
    // the default tenant's work names the gateway's default tenant when its token names none
    budgets.putIfAbsent(props.defaultTenant(), tenants.get(io.botburrow.activation.Activation.DEFAULT_TENANT).budget());
    return AgentLimits.from(defaults, overrides).withTenants(budgets);
  }

  @Singleton
  Gateway gateway(GatewayProperties props, GatewayRoutes routes, BudgetStore store, Cooldowns cooldowns,
      PriceTable prices, GatewayMetrics metrics, GatewayTokens tokens, AgentLimits limits, ObjectMapper mapper,
      Clock clock, io.botburrow.tenants.Tenants tenants) {
    var chain = new DeploymentChain(
        new ModelAdapters(mapper, clock, props.connectTimeout(), props.streamIdleTimeout()), cooldowns,
        new RateLimits(store, clock),
        (from, to, reason) -> metrics.fallback(from.name(), to.name(), reason),
        duration -> Thread.sleep(duration), clock, props.maxRetryWait());
    var apart = tenants.all().stream().filter(t -> !t.isDefault()).map(io.botburrow.tenants.Tenant::name)
        .collect(java.util.stream.Collectors.toSet());
    return new Gateway(routes, chain, new Budgets(store, apart), limits, prices, metrics, tokens, clock);
  }

  /** The HTTP front, started with the context when {@code botburrow.gateway.port} is 0 or more. */
  @Context
  @Bean(preDestroy = "close")
  GatewayFront gatewayFront(GatewayProperties props, Gateway gateway, ObjectMapper mapper) {
    if (props.port() < 0) {
      return new GatewayFront(null);
    }
    return new GatewayFront(new GatewayServer(gateway, mapper, props.maxBodyBytes()).start(props.bind(), props.port()));
  }

  /** Holds the front when there is one. */
  public record GatewayFront(GatewayServer server) implements AutoCloseable {
    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}

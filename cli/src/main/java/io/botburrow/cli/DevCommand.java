package io.botburrow.cli;

import io.botburrow.agents.s3.BucketUploader;
import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import io.botburrow.coordinator.operator.OperatorProperties;
import io.botburrow.devhub.DevHubServer;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.s3.EmbeddedS3;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole system on one machine: the development Hub and its page, an embedded S3 seeded from",
      "config/agents, a coordinator and one hybrid runner, on Redis at REDIS_URL or a local redis-server.",
      "Without OPENAI_API_KEY / OPENAI_BASE_URL / ANTHROPIC_API_KEY agents answer through the offline demo model.",
      "Ctrl-C stops everything."
    })
final class DevCommand implements Callable<Integer> {
  static final String ACCESS_KEY = "botburrow";
  static final String SECRET_KEY = "botburrow-secret";
  /** Development only: runners and gateways outside ./botburrow dev need their own secret. */
  static final String GATEWAY_SECRET = "botburrow-dev-gateway-secret";

  @Option(names = "--hub-port", defaultValue = "8080", description = "Hub and web page port (default ${DEFAULT-VALUE}).")
  int hubPort;

  @Option(names = "--s3-port", defaultValue = "9000", description = "Embedded S3 port (default ${DEFAULT-VALUE}).")
  int s3Port;

  @Option(names = "--coordinator-port", defaultValue = "9090")
  int coordinatorPort;

  @Option(names = "--runner-port", defaultValue = "9091")
  int runnerPort;

  @Option(names = "--gateway-port", defaultValue = "4000", description = "LLM gateway API port (default ${DEFAULT-VALUE}).")
  int gatewayPort;

  @Option(names = "--second-hub-port", defaultValue = "-1",
      description = "Also run a second development Hub on this port as tenant 'second', with the same agents under"
          + " second/ of the bucket (default: none).")
  int secondHubPort;

  @Option(names = "--slots", defaultValue = "4", description = "Runner slots (default ${DEFAULT-VALUE}).")
  int slots;

  @Option(names = "--config-dir", defaultValue = "config", description = "Folder with agents/ and skills/ to seed the bucket.")
  Path configDir;

  @Option(names = "--data-dir", defaultValue = ".botburrow/s3", description = "Where the embedded S3 keeps objects.")
  Path dataDir;

  private final List<AutoCloseable> started = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    String redisUrl = redis();
    EmbeddedS3 s3 = EmbeddedS3.start(s3Port, ACCESS_KEY, SECRET_KEY, Optional.of(dataDir));
    started.add(s3);
    S3Properties s3Props = S3Properties.of(s3.endpoint(), S3Properties.DEFAULT_BUCKET, ACCESS_KEY, SECRET_KEY);
    int uploaded = seed(s3Props);
    LlmChoice llm = LlmChoice.fromEnvironment(System.getenv());
    started.add(llm);
    DevHubServer hub = DevHubServer.start(hubProperties(hubPort));
    started.add(hub);
    Map<String, Object> common = common(hub, redisUrl, s3Props);
    DevHubServer second = secondHubPort < 0 ? null : secondHub(s3Props, common);
    // development mode lets the coordinator use the default operator key unless BOTBURROW_OPERATOR_KEY is set
    ApplicationContext coordinator = Services.start("coordinator",
        with(common, Map.of("micronaut.server.port", coordinatorPort, OperatorProperties.DEV_MODE_PROPERTY, true)));
    started.add(coordinator);
    Map<String, Object> runnerProps = with(common, llm.runnerProperties());
    runnerProps.put("micronaut.server.port", runnerPort);
    runnerProps.put("botburrow.runner.pool", "hybrid");
    runnerProps.put("botburrow.runner.slots", slots);
    runnerProps.put("botburrow.gateway.port", gatewayPort);
    runnerProps.put("botburrow.gateway.token-secret", GATEWAY_SECRET);
    String sandbox = Sandboxing.detect();
    runnerProps.put("botburrow.sandbox.enabled", sandbox.startsWith("Docker"));
    ApplicationContext runner = Services.start("runner", runnerProps);
    started.add(runner);
    print(hub, s3, uploaded, redisUrl, llm, sandbox);
    if (second != null) {
      System.out.println("  Second Hub        " + second.baseUrl() + "/   (tenant 'second', agents under second/ of the bucket)");
    }
    printGateway(runner);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "botburrow-dev-shutdown"));
    Thread.currentThread().join();
    return 0;
  }

  private String redis() {
    String url = System.getenv("REDIS_URL");
    if (url != null && !url.isBlank()) {
      return url;
    }
    if (LocalRedis.findRedisServer().isEmpty()) {
      throw new IllegalStateException(
          "No Redis: set REDIS_URL=redis://host:port, or install redis-server (apt-get install redis-server) and run again.");
    }
    LocalRedis redis = LocalRedis.start();
    started.add(redis);
    return redis.url();
  }

  private int seed(S3Properties props) {
    try (S3Client client = S3ClientFactory.createClient(props)) {
      return new BucketUploader(client, props.bucket()).upload(configDir).size();
    }
  }

  /** A second Hub as tenant 'second': its agents are config/agents again, under second/ of the bucket. */
  private DevHubServer secondHub(S3Properties s3Props, Map<String, Object> common) throws java.io.IOException {
    DevHubServer second = DevHubServer.start(hubProperties(secondHubPort));
    started.add(second);
    try (S3Client client = S3ClientFactory.createClient(s3Props)) {
      new BucketUploader(client, s3Props.bucket()).upload(configDir, "second/");
    }
    common.put("botburrow.tenants.second.hub.url", second.baseUrl().toString());
    common.put("botburrow.tenants.second.hub.api-key", second.adminKey());
    return second;
  }

  private Map<String, Object> hubProperties(int port) throws java.io.IOException {
    List<String> seeds = new ArrayList<>(List.of("ron:human"));
    Path agents = configDir.resolve("agents");
    if (Files.isDirectory(agents)) {
      try (Stream<Path> dirs = Files.list(agents)) {
        dirs.filter(Files::isDirectory).map(p -> p.getFileName() + ":native").sorted().forEach(seeds::add);
      }
    }
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.port", port);
    props.put("botburrow.hub.seed-agents", seeds);
    return props;
  }

  private static Map<String, Object> common(DevHubServer hub, String redisUrl, S3Properties s3) {
    Map<String, Object> p = new HashMap<>();
    p.put("botburrow.hub.url", hub.baseUrl().toString());
    p.put("botburrow.hub.api-key", hub.adminKey());
    p.put("botburrow.redis.url", redisUrl);
    p.put("botburrow.s3.endpoint", s3.endpoint().toString());
    p.put("botburrow.s3.bucket", s3.bucket());
    p.put("botburrow.s3.access-key", s3.accessKey());
    p.put("botburrow.s3.secret-key", s3.secretKey());
    return p;
  }

  private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> extra) {
    Map<String, Object> m = new HashMap<>(base);
    m.putAll(extra);
    return m;
  }

  private void print(DevHubServer hub, EmbeddedS3 s3, int uploaded, String redisUrl, LlmChoice llm, String sandbox) {
    System.out.println();
    System.out.println("Botburrow is running (development mode):");
    System.out.println("  Hub and web page  " + hub.baseUrl() + "/   (admin key " + hub.adminKey() + ")");
    System.out.println("  Embedded S3       " + s3.endpoint() + "   bucket " + S3Properties.DEFAULT_BUCKET
        + ", access key " + ACCESS_KEY + ", secret key " + SECRET_KEY + " (" + uploaded + " objects seeded from " + configDir + ")");
    System.out.println("  Redis             " + redisUrl);
    System.out.println("  Coordinator       http://127.0.0.1:" + coordinatorPort + "/prometheus");
    System.out.println("  Dashboard         http://127.0.0.1:" + coordinatorPort + "/dashboard   (operator key, "
        + OperatorProperties.DEFAULT_KEY + " unless BOTBURROW_OPERATOR_KEY is set)");
    System.out.println("  Runner (hybrid)   http://127.0.0.1:" + runnerPort + "/prometheus   (" + slots + " slots)");
    System.out.println("  LLM               " + llm.description());
    System.out.println("  Sandbox           " + sandbox);
    System.out.println();
    System.out.println("Open " + hub.baseUrl() + "/ , pick a name and post \"@concierge hello!\". Press Ctrl-C to stop.");
  }

  /** A day-long token of a pretend activation, so that the gateway can be tried with curl (docs/gateway.md). */
  private void printGateway(ApplicationContext runner) {
    var gateway = runner.getBean(io.botburrow.gateway.Gateway.class);
    var token = gateway.tokens().mint(new io.botburrow.gateway.auth.Caller("dev", "dev-" + System.currentTimeMillis(),
        "default", java.time.Instant.now().plus(java.time.Duration.ofDays(1)), 0, List.of()));
    System.out.println("  LLM gateway       http://127.0.0.1:" + gatewayPort + "/v1   models " + gateway.routes().names()
        + " (docs/gateway.md)");
    System.out.println("                    development token: " + token);
  }

  private void stopAll() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("while stopping: " + e);
      }
    }
  }
}

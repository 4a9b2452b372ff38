package io.botburrow.runner.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How a pod reaches its cluster's API server and proves who it is, as Kubernetes sets up every pod:
 * {@code KUBERNETES_SERVICE_HOST}/{@code _PORT}, and the service account's token, CA certificate and
 * namespace under {@link #SERVICE_ACCOUNT}.
 *
 * @param apiServer base URI of the API server
 * @param namespace the pod's namespace
 * @param tokenFile the service account's token (re-read on every request: the kubelet rotates it)
 * @param caFile the CA certificate that signed the API server's certificate
 */
public record InCluster(URI apiServer, String namespace, Path tokenFile, Path caFile) {
  public static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  public InCluster {
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("the pod's namespace is unknown");
    }
  }

  /**
   * The cluster this process runs in, or empty outside one ({@code KUBERNETES_SERVICE_HOST} unset).
   * Reads the namespace file unless {@code namespace} is given. Does not block on the network.
   */
  public static Optional<InCluster> detect(Map<String, String> env, Path serviceAccount, String namespace) {
    String host = env.get("KUBERNETES_SERVICE_HOST");
    if (host == null || host.isBlank()) {
      return Optional.empty();
    }
    String port = env.getOrDefault("KUBERNETES_SERVICE_PORT", "443");
    // an IPv6 service address needs brackets in a URI
    String authority = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    String ns = namespace != null && !namespace.isBlank() ? namespace : readNamespace(serviceAccount);
    return Optional.of(new InCluster(URI.create("https://" + authority), ns, serviceAccount.resolve("token"),
        serviceAccount.resolve("ca.crt")));
  }

  private static String readNamespace(Path serviceAccount) {
    try {
      return Files.readString(serviceAccount.resolve("namespace")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pod's namespace from " + serviceAccount.resolve("namespace"), e);
    }
  }
}

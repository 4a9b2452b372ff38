package io.botburrow.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client as a pod builds it: API server address from {@code KUBERNETES_SERVICE_HOST}/{@code _PORT},
 * token, namespace and CA from the service account directory, over TLS to an HTTPS server whose
 * certificate (made here with keytool) that CA signed, and refused by a server the CA did not sign.
 */
class InClusterPodApiTest {
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpsServer server;
  private Path serviceAccount;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("api.p12");
    keytool("-genkeypair", "-alias", "api", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=kubernetes",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
        "-storepass", "changeit");
    serviceAccount = Files.createDirectories(dir.resolve("serviceaccount"));
    keytool("-exportcert", "-rfc", "-alias", "api", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", serviceAccount.resolve("ca.crt").toString());
    Files.writeString(serviceAccount.resolve("token"), "pod-token");
    Files.writeString(serviceAccount.resolve("namespace"), "botburrow\n");

    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = new FileInputStream(keystore.toFile())) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", exchange -> {
      try (exchange) {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
            + exchange.getRequestHeaders().getFirst("Authorization") + " "
            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private Map<String, String> env() {
    return Map.of("KUBERNETES_SERVICE_HOST", "127.0.0.1", "KUBERNETES_SERVICE_PORT", String.valueOf(server.getAddress().getPort()));
  }

  @Test
  void outsideAClusterThereIsNothingToTalkTo() {
    assertThat(InCluster.detect(Map.of(), serviceAccount, null)).isEmpty();
  }

  @Test
  void aPodPatchesItselfOverTlsWithTheClusterCaAndItsToken() {
    InCluster cluster = InCluster.detect(env(), serviceAccount, null).orElseThrow();
    assertThat(cluster.namespace()).isEqualTo("botburrow");

    PodApi.of(cluster).annotate(cluster.namespace(), "runner-hybrid-7d9f-abcde", Map.of(DeletionCost.ANNOTATION, "7"));

    assertThat(requests).containsExactly("PATCH /api/v1/namespaces/botburrow/pods/runner-hybrid-7d9f-abcde Bearer pod-token "
        + "{\"metadata\":{\"annotations\":{\"controller.kubernetes.io/pod-deletion-cost\":\"7\"}}}");
  }

  @Test
  void aServerTheClusterCaDidNotSignIsRefused(@TempDir Path other) throws Exception {
    Path keystore = other.resolve("other.p12");
    keytool("-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=other",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
        "-storepass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", serviceAccount.resolve("ca.crt").toString());
    InCluster cluster = InCluster.detect(env(), serviceAccount, "botburrow").orElseThrow();

    assertThatThrownBy(() -> PodApi.of(cluster).annotate("botburrow", "runner-1", Map.of(DeletionCost.ANNOTATION, "0")))
        .isInstanceOf(KubernetesApiException.class)
        .satisfies(e -> assertThat(((KubernetesApiException) e).status()).isEqualTo(-1));
    assertThat(requests).isEmpty();
  }
}

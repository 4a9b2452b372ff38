package io.botburrow.runner.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The few calls the runner makes to the Kubernetes API, over the JDK's HTTP client with the pod's
 * service account: no Kubernetes client library for one PATCH.
 */
public final class PodApi {
  public static final String MERGE_PATCH = "application/merge-patch+json";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final URI apiServer;
  private final Path tokenFile;

  /** With {@code http} (trusting the API server's certificate) and the token read from {@code tokenFile}. */
  public PodApi(HttpClient http, URI apiServer, Path tokenFile) {
    this.http = http;
    this.apiServer = apiServer;
    this.tokenFile = tokenFile;
  }

  /** A client that trusts only the cluster's CA, as mounted into the pod. */
  public static PodApi of(InCluster cluster) {
    HttpClient http = HttpClient.newBuilder()
        .sslContext(trusting(cluster.caFile()))
        .connectTimeout(TIMEOUT)
        .build();
    return new PodApi(http, cluster.apiServer(), cluster.tokenFile());
  }

  /**
   * Sets {@code annotations} on the pod with a JSON merge patch (other annotations stay). Blocks up
   * to 10 s; idempotent.
   *
   * @throws KubernetesApiException when the API server answers other than 2xx, or cannot be reached
   */
  public void annotate(String namespace, String pod, Map<String, String> annotations) {
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("metadata", Map.of("annotations", annotations)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("annotations cannot be written as JSON", e);
    }
    URI uri = apiServer.resolve("/api/v1/namespaces/" + segment(namespace) + "/pods/" + segment(pod));
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token())
        .header("Content-Type", MERGE_PATCH)
        .header("Accept", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new KubernetesApiException(-1, "PATCH " + uri.getPath() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesApiException(-1, "PATCH " + uri.getPath() + " interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new KubernetesApiException(response.statusCode(),
          "PATCH " + uri.getPath() + " answered " + response.statusCode() + ": " + reason(response.body()), null);
    }
  }

  /** The API server's own message from its Status object; never echoes the request (it carries the token). */
  private static String reason(String body) {
    try {
      String message = JSON.readTree(body).path("message").asText("");
      return message.isEmpty() ? "(no message)" : message;
    } catch (IOException e) {
      return "(no Status body)";
    }
  }

  private String token() {
    try {
      return Files.readString(tokenFile).trim();
    } catch (IOException e) {
      throw new KubernetesApiException(-1, "cannot read the service account token " + tokenFile + ": " + e, e);
    }
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static SSLContext trusting(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
      if (i == 0) {
        throw new IllegalStateException("no certificate in " + caFile);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the cluster CA from " + caFile + ": " + e.getMessage(), e);
    }
  }
}

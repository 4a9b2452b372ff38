package io.botburrow.gateway.budget.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * How {@link RespClient} connects, as its URL and options say: the server, TLS or not, the credentials, the
 * database, and how long a connection and a reply may take.
 */
record RespSettings(String host, int port, boolean tls, String user, String password, int database,
    Duration connectTimeout, Duration timeout) {

  /**
   * @param url {@code redis://[user:password@]host:port[/db]} or {@code rediss://} for TLS
   * @param password overrides the URL's password when not null
   */
  static RespSettings of(String url, String password, Duration connectTimeout, Duration timeout) {
    var uri = URI.create(url);
    String urlUser = null;
    String urlPassword = null;
    if (uri.getRawUserInfo() != null) {
      var info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      urlUser = colon < 0 ? null : decode(info.substring(0, colon));
      urlPassword = decode(colon < 0 ? info : info.substring(colon + 1));
    }
    var path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
    return new RespSettings(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379, "rediss".equals(uri.getScheme()),
        urlUser == null || urlUser.isEmpty() ? null : urlUser,
        password != null && !password.isEmpty() ? password : urlPassword,
        path.isEmpty() ? 0 : Integer.parseInt(path), connectTimeout, timeout);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** Without the password, which must not reach a log. */
  @Override
  public String toString() {
    return "RespSettings[" + (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database + "]";
  }
}

package io.botburrow.gateway.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-activation tokens: {@code bbg1.<claims>.<signature>}, the claims a base64url JSON of the {@link
 * Caller}, the signature an HMAC-SHA256 with the secret runners and gateways share. Runners mint one per
 * activation, expiring with its deadline; the gateway accepts only tokens it can verify and that have not
 * expired. Tokens carry no provider key. Thread-safe.
 */
public final class GatewayTokens {
  private static final String PREFIX = "bbg1.";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /** Verified tokens kept so that each call of an activation does not check the HMAC and read the claims again. */
  static final int MAX_VERIFIED = 10_000;

  private final byte[] secret;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final Map<String, Caller> verified = new ConcurrentHashMap<>();

  public GatewayTokens(String secret, ObjectMapper mapper, Clock clock) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("botburrow.gateway.token-secret must have at least 16 characters");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.mapper = mapper;
    this.clock = clock;
  }

  public String mint(Caller caller) {
    ObjectNode claims = mapper.createObjectNode()
        .put("agent", caller.agent())
        .put("act", caller.activation())
        .put("tenant", caller.tenant())
        .put("exp", caller.expiresAt().getEpochSecond())
        .put("tok", caller.tokenLimit())
        .put("type", caller.toolType());
    var models = claims.putArray("models");
    caller.models().forEach(models::add);
    var body = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    return PREFIX + body + "." + B64.encodeToString(sign(body));
  }

  /**
   * @throws GatewayAuthException when {@code token} is missing, malformed, signed with another secret or
   *     expired
   */
  public Caller verify(String token) {
    var known = token == null ? null : verified.get(token);
    if (known != null) {
      if (!clock.instant().isBefore(known.expiresAt())) {
        verified.remove(token);
        throw new GatewayAuthException("Expired gateway token: its activation is over.");
      }
      return known;
    }
    var caller = check(token);
    if (verified.size() >= MAX_VERIFIED) {
      verified.clear();
    }
    verified.put(token, caller);
    return caller;
  }

  private Caller check(String token) {
    if (token == null || token.isBlank()) {
      throw new GatewayAuthException("Missing gateway token: send the activation's token as Bearer or x-api-key.");
    }
    if (!token.startsWith(PREFIX) || token.indexOf('.', PREFIX.length()) < 0) {
      throw new GatewayAuthException("Invalid gateway token.");
    }
    int dot = token.indexOf('.', PREFIX.length());
    var body = token.substring(PREFIX.length(), dot);
    byte[] presented;
    try {
      presented = B64D.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new GatewayAuthException("Invalid gateway token.");
    }
    if (!MessageDigest.isEqual(sign(body), presented)) {
      throw new GatewayAuthException("Invalid gateway token: not issued for this gateway.");
    }
    try {
      var claims = mapper.readTree(B64D.decode(body));
      var expires = Instant.ofEpochSecond(claims.path("exp").asLong());
      if (!clock.instant().isBefore(expires)) {
        throw new GatewayAuthException("Expired gateway token: its activation is over.");
      }
      var models = new ArrayList<String>();
      claims.path("models").forEach(m -> models.add(m.asText()));
      return new Caller(claims.path("agent").asText(), claims.path("act").asText(), claims.path("tenant").asText(),
          expires, claims.path("tok").asLong(0), List.copyOf(models), claims.path("type").asText(null));
    } catch (java.io.IOException | RuntimeException e) {
      if (e instanceof GatewayAuthException auth) {
        throw auth;
      }
      throw new GatewayAuthException("Invalid gateway token.");
    }
  }

  private byte[] sign(String body) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}

package io.botburrow.gateway.auth;

import io.botburrow.llm.LlmException;

/** A call without a valid token: missing, expired, or not minted with this gateway's secret (401). */
public class GatewayAuthException extends LlmException {
  public GatewayAuthException(String message) {
    super(message, 401, false, null);
  }
}

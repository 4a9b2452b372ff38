package io.botburrow.gateway.front;

/** A request the gateway refuses before any provider sees it; carries the fields of a provider's error body. */
final class BadRequestException extends RuntimeException {
  private final String param;
  private final String code;
  private final int status;

  BadRequestException(String message, String param, String code) {
    this(400, message, param, code);
  }

  BadRequestException(int status, String message, String param, String code) {
    super(message);
    this.status = status;
    this.param = param;
    this.code = code;
  }

  String param() {
    return param;
  }

  String code() {
    return code;
  }

  int status() {
    return status;
  }
}

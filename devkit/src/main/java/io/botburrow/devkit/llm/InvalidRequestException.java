package io.botburrow.devkit.llm;

/** A request a real provider would refuse with 400; carries the fields of the provider's error body. */
final class InvalidRequestException extends RuntimeException {
  private final String param;
  private final String code;

  InvalidRequestException(String message, String param, String code) {
    super(message);
    this.param = param;
    this.code = code;
  }

  String param() {
    return param;
  }

  String code() {
    return code;
  }
}

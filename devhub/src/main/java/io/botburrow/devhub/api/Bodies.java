package io.botburrow.devhub.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small success bodies with {@code "success": true} first and the fields in the given order. */
public final class Bodies {
  private Bodies() {}

  /** {@code success(k1, v1, k2, v2, ...)}; values may be null. */
  public static Map<String, Object> success(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      body.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return body;
  }
}

package io.botburrow.gateway.front;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.front.http.Http1Exchange;
import io.botburrow.llm.wire.InvalidRequestException;
import java.io.IOException;
import java.util.Map;

/**
 * The JSON bodies of the front's exchanges: a request's, read up to the size limit and refused beyond it
 * or when it is no JSON object, and a response's, sent whole with its status.
 */
final class JsonBodies {
  private final ObjectMapper mapper;
  private final int maxBodyBytes;

  JsonBodies(ObjectMapper mapper, int maxBodyBytes) {
    this.mapper = mapper;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The request's body; throws {@link InvalidRequestException}. */
  JsonNode read(Http1Exchange exchange) throws IOException {
    if (exchange.declaredLength() > maxBodyBytes) {
      throw tooLarge();
    }
    // a chunked body declares no length: read one byte past the limit to tell
    var bytes = exchange.requestBody().readNBytes(maxBodyBytes + 1);
    if (bytes.length > maxBodyBytes) {
      throw tooLarge();
    }
    try {
      var node = mapper.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new InvalidRequestException("The request body must be a JSON object.", null, "invalid_json");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("We could not parse the JSON body of your request.", null, "invalid_json");
    }
  }

  private InvalidRequestException tooLarge() {
    return new InvalidRequestException(413, "Request body too large: the limit is " + maxBodyBytes + " bytes.", null,
        "request_too_large");
  }

  void send(Http1Exchange exchange, int status, JsonNode body, Map<String, String> extra) throws IOException {
    var bytes = mapper.writeValueAsBytes(body);
    exchange.setHeader("Content-Type", "application/json");
    extra.forEach(exchange::setHeader);
    exchange.sendHeaders(status, bytes.length).write(bytes);
  }
}

package io.botburrow.gateway.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ToolSpec;
import io.botburrow.llm.wire.InvalidRequestException;
import io.botburrow.llm.wire.ToolSchemas;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a Responses API body ({@code POST /v1/responses}) and converts it to a {@link ChatRequest}.
 * Throws {@link InvalidRequestException} at the first problem, with OpenAI's wording where known.
 *
 * <p>What has no counterpart in the provider-neutral request is dropped, not refused, so that agent
 * CLIs (Codex) work unchanged: {@code reasoning} settings and {@code reasoning} input items (their
 * content is encrypted for one provider), {@code store}, {@code include}, {@code parallel_tool_calls},
 * {@code tool_choice}, {@code prompt_cache_key}, metadata, and tools other than {@code function}
 * (hosted tools such as {@code web_search} that only the provider could run, {@code custom} freeform
 * tools and tool {@code namespace}s, which the chat formats of the back-ends cannot express). What the
 * gateway cannot honour is refused: {@code previous_response_id} and {@code background} (it keeps no
 * responses), and non-text content. The conversation itself is read by {@link ResponsesTranscript}.
 */
final class ResponsesRequestReader {
  private final ToolSchemas tools;

  ResponsesRequestReader(ObjectMapper mapper) {
    this.tools = new ToolSchemas(mapper);
  }

  ChatRequest read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException("The request body must be a JSON object.", null, "invalid_json");
    }
    var model = body.path("model");
    if (!model.isTextual() || model.asText().isBlank()) {
      throw new InvalidRequestException("Missing required parameter: 'model'.", "model", "missing_required_parameter");
    }
    refuseStoredResponses(body);
    return new ChatRequest(model.asText(), messages(body), readTools(body.path("tools")), temperature(body),
        maxTokens(body));
  }

  private static void refuseStoredResponses(JsonNode body) {
    if (body.path("previous_response_id").isTextual()) {
      throw new InvalidRequestException("'previous_response_id' is not supported: this gateway stores no responses; "
          + "send the whole conversation in 'input' (store: false).", "previous_response_id", "unsupported_parameter");
    }
    if (body.path("background").asBoolean(false)) {
      throw new InvalidRequestException("'background' is not supported by this gateway.", "background",
          "unsupported_parameter");
    }
  }

  /** The instructions, then the input: a text, or the items of a conversation. */
  private List<ChatMessage> messages(JsonNode body) {
    var transcript = new ResponsesTranscript(tools);
    var instructions = body.path("instructions");
    if (instructions.isTextual() && !instructions.asText().isEmpty()) {
      transcript.add(new ChatMessage.System(instructions.asText()));
    } else if (!instructions.isMissingNode() && !instructions.isNull() && !instructions.isTextual()) {
      throw new InvalidRequestException("Invalid type for 'instructions': expected a string.", "instructions",
          "invalid_type");
    }
    var input = body.path("input");
    if (input.isTextual()) {
      transcript.add(new ChatMessage.User(input.asText()));
    } else if (input.isArray()) {
      for (int i = 0; i < input.size(); i++) {
        transcript.item(input.get(i), "input[" + i + "]");
      }
      transcript.finish();
    } else if (!input.isMissingNode() && !input.isNull()) {
      throw new InvalidRequestException("Invalid type for 'input': expected a string or an array of input items.",
          "input", "invalid_type");
    }
    if (transcript.messages().isEmpty()) {
      throw new InvalidRequestException("Missing required parameter: 'input'.", "input", "missing_required_parameter");
    }
    return transcript.messages();
  }

  private List<ToolSpec> readTools(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidRequestException("Invalid type for 'tools': expected an array.", "tools", "invalid_type");
    }
    var specs = new ArrayList<ToolSpec>();
    for (int i = 0; i < node.size(); i++) {
      var tool = node.get(i);
      if ("function".equals(tool.path("type").asText())) {
        specs.add(tools.spec(tool.path("name"), tool.path("description"), tool.path("parameters"), "tools[" + i + "]"));
      } else if (!tool.path("type").isTextual()) {
        throw new InvalidRequestException("Missing required parameter: 'tools[" + i + "].type'.", "tools[" + i + "].type",
            "missing_required_parameter");
      }
    }
    tools.requireUniqueNames(specs, "tools");
    return specs;
  }

  private static double temperature(JsonNode body) {
    var node = body.path("temperature");
    if (node.isMissingNode() || node.isNull()) {
      return 1.0;
    }
    if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 2) {
      throw new InvalidRequestException("Invalid 'temperature': expected a number between 0 and 2.", "temperature",
          "invalid_value");
    }
    return node.asDouble();
  }

  private static int maxTokens(JsonNode body) {
    var node = body.path("max_output_tokens");
    if (node.isMissingNode() || node.isNull()) {
      return 0;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 16) {
      throw new InvalidRequestException("Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16.",
          "max_output_tokens", "integer_below_min_value");
    }
    return node.asInt();
  }
}

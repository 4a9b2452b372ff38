package io.botburrow.gateway.provider.anthropic;

import io.botburrow.gateway.stream.ResponseAssembler;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.Usage;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the Messages API's stream events ({@code message_start}, {@code content_block_start/delta/stop},
 * {@code message_delta}, {@code message_stop}, {@code error}) into an assembler. Tool-use blocks are
 * numbered in order, as OpenAI numbers its tool calls.
 */
final class AnthropicStreamReader {
  private final AnthropicCodec codec;
  private final ResponseAssembler out;
  private final String endpointName;
  private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
  private long inputTokens;
  private boolean stopped;

  AnthropicStreamReader(AnthropicCodec codec, ResponseAssembler out, String endpointName) {
    this.codec = codec;
    this.out = out;
    this.endpointName = endpointName;
  }

  void event(String name, String data) {
    var node = codec.parse(data);
    var type = name.isEmpty() ? node.path("type").asText("") : name;
    switch (type) {
      case "message_start" -> {
        var message = node.path("message");
        out.model(message.path("model").asText(""));
        Usage usage = codec.usage(message.path("usage"), 0);
        inputTokens = usage.inputTokens();
        out.usage(usage);
      }
      case "content_block_start" -> {
        var block = node.path("content_block");
        if ("tool_use".equals(block.path("type").asText())) {
          int index = toolIndexByBlock.size();
          toolIndexByBlock.put(node.path("index").asInt(), index);
          out.toolCallStarted(index, block.path("id").asText(), block.path("name").asText());
        } else if (block.path("text").isTextual()) {
          out.text(block.path("text").asText());
        }
      }
      case "content_block_delta" -> delta(node);
      case "message_delta" -> {
        out.finishReason(node.path("delta").path("stop_reason").asText(""));
        var usage = codec.usage(node.path("usage"), inputTokens);
        out.usage(new Usage(usage.inputTokens(), usage.outputTokens(),
            Math.max(usage.cachedInputTokens(), out.usage().cachedInputTokens())));
      }
      case "message_stop" -> stopped = true;
      case "error" -> throw new LlmException(endpointName + " stream failed: "
          + node.path("error").path("message").asText("unknown error"), 0, true, null);
      default -> { }
    }
  }

  private void delta(com.fasterxml.jackson.databind.JsonNode node) {
    var delta = node.path("delta");
    switch (delta.path("type").asText("")) {
      case "text_delta" -> out.text(delta.path("text").asText(""));
      case "input_json_delta" -> {
        Integer index = toolIndexByBlock.get(node.path("index").asInt());
        if (index != null) {
          out.toolCallArguments(index, delta.path("partial_json").asText(""));
        }
      }
      default -> { }
    }
  }

  boolean stopped() {
    return stopped;
  }
}

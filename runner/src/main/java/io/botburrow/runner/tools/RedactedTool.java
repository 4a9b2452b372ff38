package io.botburrow.runner.tools;

import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.mcp.McpException;
import io.botburrow.runner.sandbox.SandboxException;
import io.botburrow.secrets.Redactor;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tool whose output reaches the model only after the runner's known secrets are hidden
 * ({@link Redactor}): the outcome text, and the message of an infrastructure failure it throws (which
 * ends up in the activation's error). Output cut at a size cap is redacted piece by piece, so a secret
 * cut just before a {@code [... truncated after N ...]} marker is hidden too.
 */
public final class RedactedTool implements AgentTool {
  private static final Pattern TRUNCATION_MARK = Pattern.compile("\\[(?:output|file) truncated after \\d+ (?:bytes|characters)]");
  private final AgentTool tool;
  private final Redactor redactor;

  private RedactedTool(AgentTool tool, Redactor redactor) {
    this.tool = tool;
    this.redactor = redactor;
  }

  /** {@code tool} itself when there is nothing to hide. */
  public static AgentTool wrap(AgentTool tool, Redactor redactor) {
    return redactor.isEmpty() ? tool : new RedactedTool(tool, redactor);
  }

  public static List<AgentTool> wrapAll(List<AgentTool> tools, Redactor redactor) {
    return tools.stream().map(t -> wrap(t, redactor)).toList();
  }

  @Override
  public ToolSpec spec() {
    return tool.spec();
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    ToolOutcome outcome;
    try {
      outcome = tool.invoke(argumentsJson);
    } catch (McpException e) {
      throw withStack(new McpException(redactor.redact(e.getMessage()), e.retryable(), null), e);
    } catch (SandboxException e) {
      throw withStack(new SandboxException(redactor.redact(e.getMessage()), e.retryable(), null), e);
    }
    String content = redact(outcome.content());
    return content == outcome.content() ? outcome : new ToolOutcome(content, outcome.isError());
  }

  /** Each piece between truncation marks on its own, so a secret's cut-off head at a piece's end counts. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    Matcher mark = TRUNCATION_MARK.matcher(text);
    if (!mark.find()) {
      return redactor.redact(text);
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    do {
      String piece = text.substring(at, mark.start());
      String head = piece.stripTrailing();
      out.append(redactor.redact(head)).append(piece, head.length(), piece.length()).append(mark.group());
      at = mark.end();
    } while (mark.find());
    String joined = out.append(redactor.redact(text.substring(at))).toString();
    return joined.equals(text) ? text : joined;
  }

  /** The original's stack without its cause, whose message may hold the secret. */
  private static <T extends RuntimeException> T withStack(T copy, RuntimeException original) {
    copy.setStackTrace(original.getStackTrace());
    return copy;
  }
}

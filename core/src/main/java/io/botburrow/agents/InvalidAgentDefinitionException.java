package io.botburrow.agents;

/**
 * A definition object exists but breaks the format, e.g.
 * {@code agents/foo/config.yaml: brain.model: is required}. Not retryable: someone must fix the object.
 */
public class InvalidAgentDefinitionException extends AgentDefinitionException {
  private final String source;
  private final String field;
  private final String problem;

  /**
   * @param source object key or file path, e.g. {@code agents/foo/config.yaml}
   * @param field dotted field path, e.g. {@code brain.model}; empty when the whole object is at fault
   * @param problem what is wrong
   */
  public InvalidAgentDefinitionException(String source, String field, String problem, Throwable cause) {
    super(source + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem, cause);
    this.source = source;
    this.field = field == null ? "" : field;
    this.problem = problem;
  }

  public String source() {
    return source;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}

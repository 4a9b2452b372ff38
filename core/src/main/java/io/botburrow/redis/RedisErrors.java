package io.botburrow.redis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.WriteRedisConnectionException;

/**
 * One line that says what went wrong with a Redis call, for error messages and logs. The Redis client's own
 * messages name the whole command with its arguments (a script's source over many lines) and, on a time-out,
 * advise checking the JVM's CPU, which sends an operator the wrong way when Redis itself is frozen, overloaded
 * or out of reach. This keeps their first sentence, the command's name and the server's address, and says what a
 * time-out means.
 */
public final class RedisErrors {
  private static final Pattern COMMAND = Pattern.compile("[Cc]ommand: \\(([A-Z_]+)");
  private static final Pattern ADDRESS = Pattern.compile("(rediss?://[^\\],\\s]+)");

  private RedisErrors() {}

  /** {@code e}'s message made fit for a log line; messages of other than the Redis client pass as they are. */
  public static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (!(e instanceof org.redisson.client.RedisException)) {
      return message;
    }
    StringBuilder out = new StringBuilder(firstSentence(message));
    if (timedOut(e)) {
      out.append(": Redis did not answer in time (frozen, overloaded or out of reach)");
    }
    Matcher command = COMMAND.matcher(message);
    if (command.find()) {
      out.append(", command ").append(command.group(1).trim());
    }
    Matcher address = ADDRESS.matcher(message);
    if (address.find()) {
      out.append(", at ").append(address.group(1));
    }
    return out.toString();
  }

  // no answer in time, or a command that could not be written (the connection's buffer is full because Redis reads
  // nothing), here or in what the client wrapped
  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RedisTimeoutException || t instanceof WriteRedisConnectionException) {
        return true;
      }
    }
    return false;
  }

  // up to the first '!' or '. ', or the first line, whichever comes first
  private static String firstSentence(String message) {
    int end = message.length();
    for (String stop : new String[] {"!", ". ", "\n", ", params:"}) {
      int at = message.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return message.substring(0, end).trim();
  }
}

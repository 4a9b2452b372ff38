package io.botburrow.runner.sandbox.docker;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The stdio command channel's wire format with {@link StdioCommandServer}'s loop: its greeting, one request line
 * per command, and the markers that end the command's answer on each stream, keyed by a random per-command token.
 */
final class CommandProtocol {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] HELLO = (StdioCommandServer.HELLO + "\n").getBytes(StandardCharsets.US_ASCII);

  private CommandProtocol() {}

  /** Whether {@code seen}, the output so far, holds the server's greeting line. */
  static boolean greets(byte[] seen) {
    return MarkerSplitter.indexOf(seen, HELLO, 0) >= 0;
  }

  static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** One line: token, timeout in seconds, the base64 of the shell-quoted command. */
  static byte[] request(String token, long timeoutSeconds, List<String> argv) {
    String script = StdioCommandServer.quote(argv);
    return (token + " " + timeoutSeconds + " "
        + Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)) + "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Ends the command's stdout; its exit code and a line feed follow. */
  static byte[] stdoutMarker(String token) {
    return ("\0" + token + " ").getBytes(StandardCharsets.US_ASCII);
  }

  /** Ends the command's stderr. */
  static byte[] stderrMarker(String token) {
    return ("\0" + token + "\n").getBytes(StandardCharsets.US_ASCII);
  }
}

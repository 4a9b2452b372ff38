package io.botburrow.gateway.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The framing of HTTP/1.1's chunked transfer coding, read from a connection: the line end after a chunk,
 * the next chunk's size line (extensions ignored) and, after the last chunk, the trailers (ignored).
 * Shared by the front's request bodies and the provider client's answers.
 */
public final class ChunkedCoding {
  private static final int MAX_LINE = 4096;

  private ChunkedCoding() {}

  /**
   * Reads up to the next chunk's data: the line end closing the previous chunk (when {@code afterChunk}),
   * then the size line; for the last chunk (size 0) also the trailers, so the connection is at what
   * follows the body.
   *
   * @param what the body, for messages ({@code request body}, {@code answer's body})
   * @return the next chunk's size, 0 when the body ended
   */
  public static long nextChunkSize(InputStream in, boolean afterChunk, String what) throws IOException {
    if (afterChunk && !line(in, what).isEmpty()) {
      throw new IOException("chunk not followed by a line end in the " + what);
    }
    var sizeLine = line(in, what);
    int semicolon = sizeLine.indexOf(';');
    var hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).strip();
    long size;
    try {
      size = Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size in the " + what + ": " + hex);
    }
    if (size < 0) {
      throw new IOException("bad chunk size in the " + what + ": " + hex);
    }
    if (size == 0) {
      while (!line(in, what).isEmpty()) {
        // trailers are ignored
      }
    }
    return size;
  }

  private static String line(InputStream in, String what) throws IOException {
    var text = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed in the middle of the chunked " + what);
      }
      if (c != '\r') {
        text.append((char) c);
      }
      if (text.length() > MAX_LINE) {
        throw new IOException("chunk header too long in the " + what);
      }
    }
    return text.toString();
  }
}

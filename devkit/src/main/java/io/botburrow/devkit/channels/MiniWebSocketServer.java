package io.botburrow.devkit.channels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The smallest WebSocket server a gateway fake needs (RFC 6455): the opening handshake, unfragmented
 * text frames both ways, ping, close. One thread per connection. Test code only.
 */
final class MiniWebSocketServer implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());
  private final Handler handler;

  /** What the server does with a connection. */
  interface Handler {
    void opened(Connection c);

    void text(Connection c, String text);

    void closed(Connection c);
  }

  /** One client connection. */
  static final class Connection {
    private final Socket socket;
    private final OutputStream out;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    synchronized void send(String text) {
      try {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x81);
        if (payload.length < 126) {
          out.write(payload.length);
        } else if (payload.length < 65536) {
          out.write(126);
          out.write(payload.length >>> 8);
          out.write(payload.length & 0xff);
        } else {
          out.write(127);
          for (int i = 7; i >= 0; i--) {
            out.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
          }
        }
        out.write(payload);
        out.flush();
      } catch (IOException e) {
        drop();
      }
    }

    /** Ends the TCP connection without a close frame, as a network failure would. */
    void drop() {
      try {
        socket.close();
      } catch (IOException e) {
        // already gone
      }
    }

    boolean open() {
      return !socket.isClosed();
    }
  }

  MiniWebSocketServer(Handler handler) throws IOException {
    this.handler = handler;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        threads.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    Connection c = null;
    try (socket) {
      InputStream in = socket.getInputStream();
      String key = handshakeKey(in);
      if (key == null) {
        return;
      }
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      c = new Connection(socket);
      handler.opened(c);
      readFrames(c, in);
    } catch (IOException e) {
      // the connection ended
    } finally {
      if (c != null) {
        handler.closed(c);
      }
    }
  }

  private void readFrames(Connection c, InputStream in) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      int b0 = in.read();
      int b1 = in.read();
      if (b0 < 0 || b1 < 0) {
        return;
      }
      int opcode = b0 & 0x0f;
      long length = b1 & 0x7f;
      if (length == 126) {
        length = (in.read() << 8) | in.read();
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | in.read();
        }
      }
      byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
      byte[] payload = in.readNBytes((int) length);
      if (mask != null) {
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
      }
      switch (opcode) {
        case 0x0, 0x1 -> {
          message.write(payload);
          if ((b0 & 0x80) != 0) {
            handler.text(c, message.toString(StandardCharsets.UTF_8));
            message.reset();
          }
        }
        case 0x8 -> {
          synchronized (c) {
            c.out.write(new byte[] {(byte) 0x88, 0});
            c.out.flush();
          }
          return;
        }
        case 0x9 -> {
          synchronized (c) {
            c.out.write(0x8a);
            c.out.write(payload.length);
            c.out.write(payload);
            c.out.flush();
          }
        }
        default -> { }
      }
    }
  }

  private static String handshakeKey(InputStream in) throws IOException {
    String key = null;
    StringBuilder line = new StringBuilder();
    int prev = -1;
    int ch;
    while ((ch = in.read()) >= 0) {
      if (prev == '\r' && ch == '\n') {
        String l = line.substring(0, line.length() - 1);
        if (l.isEmpty()) {
          return key;
        }
        int colon = l.indexOf(':');
        if (colon > 0 && l.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
          key = l.substring(colon + 1).trim();
        }
        line.setLength(0);
      } else {
        line.append((char) ch);
      }
      prev = ch;
    }
    return null;
  }

  private static String accept(String key) {
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    threads.shutdownNow();
  }
}

package io.botburrow.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import io.botburrow.secrets.Redactor;
import java.nio.charset.StandardCharsets;

/**
 * Wraps any encoder (pattern or JSON) and hides the secrets {@link LogRedaction} installed in whatever
 * it writes: message, arguments, MDC values and stack traces alike, since it works on the encoded
 * line. In logback's configuration:
 *
 * <pre>{@code
 * <encoder class="io.botburrow.logging.RedactingEncoder">
 *   <encoder class="ch.qos.logback.classic.encoder.PatternLayoutEncoder"><pattern>%msg%n</pattern></encoder>
 * </encoder>
 * }</pre>
 *
 * A JSON encoder escapes {@code "} and {@code \}; the redactor also knows each secret's JSON-escaped
 * form. A turbo filter cannot do this: it may drop an event but not rewrite it.
 */
public class RedactingEncoder extends EncoderBase<ILoggingEvent> {
  private Encoder<ILoggingEvent> encoder;

  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  public Encoder<ILoggingEvent> getEncoder() {
    return encoder;
  }

  @Override
  public void start() {
    if (encoder == null) {
      addError("RedactingEncoder needs a nested <encoder>");
      return;
    }
    if (!encoder.isStarted()) {
      encoder.start();
    }
    super.start();
  }

  @Override
  public void stop() {
    if (encoder != null) {
      encoder.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return encoder.headerBytes();
  }

  @Override
  public byte[] footerBytes() {
    return encoder.footerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    byte[] bytes = encoder.encode(event);
    Redactor redactor = LogRedaction.current(getContext());
    if (redactor.isEmpty() || bytes == null) {
      return bytes;
    }
    String line = new String(bytes, StandardCharsets.UTF_8);
    String redacted = redactor.redact(line);
    return redacted == line ? bytes : redacted.getBytes(StandardCharsets.UTF_8);
  }
}

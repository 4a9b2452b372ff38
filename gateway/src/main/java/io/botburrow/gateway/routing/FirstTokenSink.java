package io.botburrow.gateway.routing;

import io.botburrow.gateway.stream.ResponseAssembler;
import io.botburrow.gateway.stream.StreamSink;
import java.time.Clock;
import java.time.Instant;

/**
 * Passes a streamed answer on and notes when its first piece passed: once one has, the call can no
 * longer be tried again or elsewhere.
 */
final class FirstTokenSink implements StreamSink {
  private final StreamSink downstream;
  private final ResponseAssembler passed;
  private final Clock clock;
  private Instant first;

  FirstTokenSink(StreamSink downstream, Clock clock) {
    this.downstream = downstream;
    this.passed = new ResponseAssembler(downstream);
    this.clock = clock;
  }

  boolean started() {
    return passed.started();
  }

  /** When the first piece passed, or null before. */
  Instant first() {
    return first;
  }

  private void mark() {
    if (first == null) {
      first = clock.instant();
    }
  }

  @Override
  public void text(String delta) {
    mark();
    passed.text(delta);
  }

  @Override
  public void toolCallStarted(int index, String id, String name) {
    mark();
    passed.toolCallStarted(index, id, name);
  }

  @Override
  public void toolCallArguments(int index, String delta) {
    passed.toolCallArguments(index, delta);
  }

  @Override
  public void serving(String model) {
    downstream.serving(model);
  }

  @Override
  public void flush() {
    passed.flush();
  }
}

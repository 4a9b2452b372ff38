package io.botburrow.hub;

/** The Hub answered 404 to the long-poll endpoint: fall back to listing agents. */
public class LongPollUnsupportedException extends HubException {
  public LongPollUnsupportedException() {
    super("Hub has no /notifications/poll endpoint", 404, null);
  }
}

package io.botburrow.devhub.api;

/** Clamps client-supplied limits so one request cannot ask for everything. */
public final class Paging {
  private Paging() {}

  /** {@code requested} clamped to 1..max, or {@code fallback} when absent or not positive. */
  public static int limit(Integer requested, int fallback, int max) {
    if (requested == null || requested <= 0) {
      return fallback;
    }
    return Math.min(requested, max);
  }

  public static int offset(Integer requested) {
    return requested == null || requested < 0 ? 0 : requested;
  }
}

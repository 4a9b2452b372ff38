package io.botburrow.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks audit chains: every line matches its hash, every record names the hash of the one before it (the
 * first one its run's genesis), sequence numbers run without a gap, and a run held by two sources (Redis
 * and the archive) has the same records in both. Pure; no I/O.
 *
 * <p>A run whose first records are missing from a source counts as trimmed, not broken, in a source that
 * drops its oldest entries (Redis streams are bounded): the chain is checked from the first record present.
 */
public final class AuditVerifier {

  /** Entries of one source in stored order, with a name for messages ({@code redis audit:2026-12-03}). */
  public record Source(String name, List<AuditEntry> entries, boolean mayDropOldest) {
    public Source {
      entries = List.copyOf(entries);
    }
  }

  /** The first broken record. */
  public record Break(String source, String run, String activation, long seq, String reason) {
    @Override
    public String toString() {
      return "record " + seq + " of activation " + activation + " (run " + run + ") in " + source + ": " + reason;
    }
  }

  /**
   * @param runs runs checked (a run in both Redis and the archive counts once)
   * @param records records checked, both sources together
   * @param trimmed runs whose first records a bounded source no longer holds
   */
  public record Result(int runs, int records, int trimmed, Optional<Break> broken) {
    public boolean ok() {
      return broken.isEmpty();
    }
  }

  private AuditVerifier() {}

  public static Result verify(List<Source> sources) {
    Set<String> runs = new LinkedHashSet<>();
    int records = 0;
    int trimmed = 0;
    Map<String, Map<Long, String>> seen = new LinkedHashMap<>();
    Map<String, String> seenIn = new LinkedHashMap<>();
    for (Source source : sources) {
      Map<String, List<Parsed>> byRun = new LinkedHashMap<>();
      for (AuditEntry entry : source.entries()) {
        Parsed p = Parsed.of(entry);
        if (p.error != null) {
          return new Result(runs.size(), records, trimmed, Optional.of(new Break(source.name(), p.run, p.activation, p.seq, p.error)));
        }
        byRun.computeIfAbsent(p.run, r -> new ArrayList<>()).add(p);
      }
      for (var run : byRun.entrySet()) {
        List<Parsed> chain = run.getValue();
        Optional<Break> broken = checkChain(source, chain);
        if (broken.isPresent()) {
          return new Result(runs.size(), records, trimmed, broken);
        }
        if (chain.getFirst().seq > 0) {
          trimmed++;
        }
        Map<Long, String> other = seen.get(run.getKey());
        for (Parsed p : chain) {
          if (other != null && other.containsKey(p.seq) && !other.get(p.seq).equals(p.hash)) {
            return new Result(runs.size(), records, trimmed, Optional.of(new Break(source.name(), p.run, p.activation, p.seq,
                "differs from the same record in " + seenIn.get(run.getKey()))));
          }
        }
        Map<Long, String> hashes = seen.computeIfAbsent(run.getKey(), r -> new LinkedHashMap<>());
        chain.forEach(p -> hashes.put(p.seq, p.hash));
        seenIn.putIfAbsent(run.getKey(), source.name());
        runs.add(run.getKey());
        records += chain.size();
      }
    }
    return new Result(runs.size(), records, trimmed, Optional.empty());
  }

  private static Optional<Break> checkChain(Source source, List<Parsed> chain) {
    Parsed first = chain.getFirst();
    if (first.seq > 0 && !source.mayDropOldest()) {
      return Optional.of(new Break(source.name(), first.run, first.activation, first.seq,
          "records 0 to " + (first.seq - 1) + " are missing"));
    }
    String expectedPrev = first.seq == 0 ? AuditChain.genesis(first.run) : first.prev;
    long expectedSeq = first.seq;
    for (Parsed p : chain) {
      if (p.seq != expectedSeq) {
        return Optional.of(new Break(source.name(), p.run, p.activation, p.seq,
            p.seq < expectedSeq ? "repeats an earlier record" : "follows a gap: record " + expectedSeq + " is missing"));
      }
      if (!p.prev.equals(expectedPrev)) {
        return Optional.of(new Break(source.name(), p.run, p.activation, p.seq,
            p.seq == 0 ? "does not start from its run's genesis" : "does not chain to the record before it (altered or replaced)"));
      }
      if (!AuditChain.sha256(p.line).equals(p.hash)) {
        return Optional.of(new Break(source.name(), p.run, p.activation, p.seq, "its content does not match its hash (altered)"));
      }
      expectedPrev = p.hash;
      expectedSeq++;
    }
    return Optional.empty();
  }

  private record Parsed(String run, String activation, long seq, String prev, String line, String hash, String error) {
    static Parsed of(AuditEntry e) {
      JsonNode r;
      try {
        r = e.record();
      } catch (IllegalArgumentException ex) {
        return new Parsed("?", "?", -1, "", e.line(), e.hash(), "is not JSON (altered)");
      }
      String run = r.path("run").asText("");
      String activation = r.path("activation").asText("");
      long seq = r.path("seq").asLong(-1);
      String prev = r.path("prev").asText("");
      if (run.isEmpty() || seq < 0 || prev.isEmpty() || r.path("v").asInt() != AuditChain.VERSION) {
        return new Parsed(run.isEmpty() ? "?" : run, activation, seq, prev, e.line(), e.hash(),
            "lacks its run, seq, prev or version (altered)");
      }
      return new Parsed(run, activation, seq, prev, e.line(), e.hash(), null);
    }
  }
}

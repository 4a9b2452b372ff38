package io.botburrow.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The largest heap a runner's GC log shows before a collection (what it allocated meanwhile) and after
 * one (what it keeps), in MB.
 */
record GcLogHeap(long maxBefore, long maxAfter) {
  // "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->45M(512M) 3.456ms"
  private static final Pattern HEAP = Pattern.compile("GC\\(\\d+\\) Pause .* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

  static GcLogHeap read(Path gcLog) throws IOException {
    return of(Files.readAllLines(gcLog));
  }

  /** The collections the benchmark itself asked for (System.gc(), jcmd) are left out. */
  static GcLogHeap of(List<String> lines) {
    long before = 0;
    long after = 0;
    for (String line : lines) {
      Matcher m = HEAP.matcher(line);
      if (m.find() && !line.contains("System.gc()") && !line.contains("Diagnostic Command")) {
        before = Math.max(before, Long.parseLong(m.group(1)));
        after = Math.max(after, Long.parseLong(m.group(2)));
      }
    }
    return new GcLogHeap(before, after);
  }
}

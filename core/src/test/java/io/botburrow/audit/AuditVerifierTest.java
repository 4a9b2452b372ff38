package io.botburrow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditVerifierTest {
  private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

  private static List<AuditEntry> run(String run, int records) {
    AuditChain chain = new AuditChain(run, "act-" + run, "alice");
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      entries.add(chain.append(i == 0 ? "started" : "tool_call", Map.of("n", i), AT.plusSeconds(i)));
    }
    return entries;
  }

  private static AuditVerifier.Result verify(List<AuditEntry> entries, boolean bounded) {
    return AuditVerifier.verify(List.of(new AuditVerifier.Source("redis audit:2026-12-03", entries, bounded)));
  }

  @Test
  void interleavedRunsVerifyEachOnTheirOwn() {
    List<AuditEntry> a = run("a", 3);
    List<AuditEntry> b = run("b", 2);
    List<AuditEntry> mixed = List.of(a.get(0), b.get(0), a.get(1), b.get(1), a.get(2));

    AuditVerifier.Result result = verify(mixed, false);

    assertThat(result.ok()).isTrue();
    assertThat(result.runs()).isEqualTo(2);
    assertThat(result.records()).isEqualTo(5);
  }

  @Test
  void aLineChangedWithoutItsHashIsNamed() {
    List<AuditEntry> entries = new ArrayList<>(run("a", 3));
    AuditEntry second = entries.get(1);
    entries.set(1, new AuditEntry(second.line().replace("\"n\":1", "\"n\":7"), second.hash()));

    AuditVerifier.Result result = verify(entries, false);

    assertThat(result.broken()).get().hasToString(
        "record 1 of activation act-a (run a) in redis audit:2026-12-03: its content does not match its hash (altered)");
  }

  @Test
  void aRecordRewrittenWithAFreshHashBreaksTheNextLink() {
    List<AuditEntry> entries = new ArrayList<>(run("a", 3));
    String forged = entries.get(1).line().replace("\"n\":1", "\"n\":7");
    entries.set(1, new AuditEntry(forged, AuditChain.sha256(forged)));

    AuditVerifier.Result result = verify(entries, false);

    assertThat(result.broken()).get().extracting(AuditVerifier.Break::seq).isEqualTo(2L);
    assertThat(result.broken().get().reason()).contains("does not chain");
  }

  @Test
  void aMissingRecordIsAGap() {
    List<AuditEntry> entries = new ArrayList<>(run("a", 3));
    entries.remove(1);

    assertThat(verify(entries, false).broken().get().reason()).isEqualTo("follows a gap: record 1 is missing");
  }

  @Test
  void aRunTrimmedAtItsHeadIsCountedNotBrokenInABoundedLog() {
    List<AuditEntry> entries = run("a", 3).subList(1, 3);

    assertThat(verify(entries, true).trimmed()).isEqualTo(1);
    assertThat(verify(entries, true).ok()).isTrue();
    assertThat(verify(entries, false).ok()).isFalse();
  }

  @Test
  void theLastRecordRewrittenInOneSourceDisagreesWithTheOther() {
    List<AuditEntry> redis = run("a", 2);
    List<AuditEntry> archive = new ArrayList<>(redis);
    String forged = archive.get(1).line().replace("\"n\":1", "\"n\":7");
    archive.set(1, new AuditEntry(forged, AuditChain.sha256(forged)));

    AuditVerifier.Result result = AuditVerifier.verify(List.of(
        new AuditVerifier.Source("redis", redis, true), new AuditVerifier.Source("archive", archive, false)));

    assertThat(result.broken()).get().hasToString(
        "record 1 of activation act-a (run a) in archive: differs from the same record in redis");
  }

  @Test
  void archiveLinesKeepTheHashedTextByteForByte() {
    AuditEntry entry = run("a", 1).getFirst();

    String archived = AuditLines.write(entry);

    assertThat(archived).endsWith(",\"hash\":\"" + entry.hash() + "\"}");
    assertThat(AuditLines.read(archived)).isEqualTo(entry);
  }
}

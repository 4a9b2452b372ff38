package io.botburrow.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallBatcherTest {
  private final ExecutorService threads = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void runsALoneRequestAtOnce() {
    List<List<Integer>> calls = new CopyOnWriteArrayList<>();
    CallBatcher<Integer, Integer> batcher = CallBatcher.blocking(batch -> {
      calls.add(batch);
      return batch.stream().map(n -> n * 10).toList();
    }, 16);

    assertThat(batcher.submit(1)).isEqualTo(10);
    assertThat(batcher.submit(2)).isEqualTo(20);
    assertThat(calls).containsExactly(List.of(1), List.of(2));
  }

  @Test
  void sendsRequestsArrivingDuringACallTogetherInTheNextOneAndAnswersEachItsOwn() throws Exception {
    CountDownLatch firstCallStarted = new CountDownLatch(1);
    CountDownLatch releaseFirstCall = new CountDownLatch(1);
    List<List<Integer>> calls = new CopyOnWriteArrayList<>();
    CallBatcher<Integer, Integer> batcher = CallBatcher.blocking(batch -> {
      calls.add(batch);
      if (batch.contains(0)) {
        firstCallStarted.countDown();
        await(releaseFirstCall);
      }
      return batch.stream().map(n -> n * 10).toList();
    }, 16);
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> batcher.submit(0), threads);
    await(firstCallStarted);
    List<CompletableFuture<Integer>> waiting = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      int request = i;
      waiting.add(CompletableFuture.supplyAsync(() -> batcher.submit(request), threads));
    }
    org.awaitility.Awaitility.await().until(() -> queuedBehindFirstCall(batcher) == 5);

    releaseFirstCall.countDown();

    assertThat(first.get(5, TimeUnit.SECONDS)).isZero();
    for (int i = 0; i < 5; i++) {
      assertThat(waiting.get(i).get(5, TimeUnit.SECONDS)).isEqualTo((i + 1) * 10);
    }
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
  }

  @Test
  void failsEveryRequestOfAFailedCallAndKeepsWorkingAfterwards() {
    CallBatcher<Integer, Integer> batcher = CallBatcher.blocking(batch -> {
      if (batch.contains(13)) {
        throw new IllegalStateException("unlucky");
      }
      return batch;
    }, 16);

    assertThatThrownBy(() -> batcher.submit(13)).hasMessage("unlucky");
    assertThat(batcher.submit(7)).isEqualTo(7);
  }

  @Test
  void answersManyConcurrentCallersCorrectly() throws Exception {
    assertEightCallersEachGetTheirOwnAnswers(
        CallBatcher.blocking(batch -> batch.stream().map(n -> -n).toList(), 4));
  }

  // 8 threads submit 500 requests each; every answer must be the negated request
  private void assertEightCallersEachGetTheirOwnAnswers(CallBatcher<Integer, Integer> batcher) throws Exception {
    List<CompletableFuture<Boolean>> results = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int base = t * 1_000;
      results.add(CompletableFuture.supplyAsync(() -> {
        for (int i = 0; i < 500; i++) {
          if (batcher.submit(base + i) != -(base + i)) {
            return false;
          }
        }
        return true;
      }, threads));
    }
    for (CompletableFuture<Boolean> result : results) {
      assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void pipelinedSendsTheRequestsThatQueuedDuringACallFromTheThreadItsAnswerArrivesOn() throws Exception {
    ManualCalls manual = new ManualCalls();
    CallBatcher<Integer, Integer> batcher = manual.batcher;
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> batcher.submit(0), threads);
    org.awaitility.Awaitility.await().until(() -> manual.calls.size() == 1);
    List<CompletableFuture<Integer>> waiting = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      int request = i;
      waiting.add(CompletableFuture.supplyAsync(() -> batcher.submit(request), threads));
    }
    org.awaitility.Awaitility.await().until(() -> batcher.queued() == 5);

    manual.answerFirstOnAnotherThread("client-io");

    assertThat(first.get(5, TimeUnit.SECONDS)).isZero();
    assertThat(manual.calls).hasSize(2);
    assertThat(manual.calls.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    assertThat(manual.sentFrom.get(1)).isEqualTo("client-io");
    manual.answers.get(1).complete(manual.calls.get(1).stream().map(n -> n * 10).toList());
    for (int i = 0; i < 5; i++) {
      assertThat(waiting.get(i).get(5, TimeUnit.SECONDS)).isEqualTo((i + 1) * 10);
    }
  }

  @Test
  void pipelinedLeavesAFewQueuedRequestsToTheFirstOfThemWhoSendsThemWithWhateverQueuedMeanwhile() throws Exception {
    ManualCalls manual = new ManualCalls();
    CallBatcher<Integer, Integer> batcher = manual.batcher;
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> batcher.submit(0), threads);
    org.awaitility.Awaitility.await().until(() -> manual.calls.size() == 1);
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> batcher.submit(1), threads);
    org.awaitility.Awaitility.await().until(() -> batcher.queued() == 1);

    manual.answerFirstOnAnotherThread("client-io");

    assertThat(first.get(5, TimeUnit.SECONDS)).isZero();
    org.awaitility.Awaitility.await().until(() -> manual.calls.size() == 2);
    assertThat(manual.calls.get(1)).containsExactly(1);
    assertThat(manual.sentFrom.get(1)).isNotEqualTo("client-io");
    manual.answers.get(1).complete(List.of(10));
    assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(10);
  }

  @Test
  void pipelinedFailsEveryRequestOfAFailedCallAndKeepsWorkingAfterwards() {
    CallBatcher<Integer, Integer> batcher = CallBatcher.pipelined(batch -> {
      if (batch.contains(13)) {
        return CompletableFuture.failedFuture(new IllegalStateException("unlucky"));
      }
      if (batch.contains(14)) {
        throw new IllegalArgumentException("could not even send");
      }
      return CompletableFuture.supplyAsync(() -> batch);
    }, 16);

    assertThatThrownBy(() -> batcher.submit(13)).isInstanceOf(IllegalStateException.class).hasMessage("unlucky");
    assertThatThrownBy(() -> batcher.submit(14)).hasMessage("could not even send");
    assertThat(batcher.submit(7)).isEqualTo(7);
    CallBatcher<Integer, Integer> answersNothing =
        CallBatcher.pipelined(batch -> CompletableFuture.completedFuture(null), 16);
    assertThatThrownBy(() -> answersNothing.submit(1)).hasMessage("no answers for 1 requests");
  }

  @Test
  void pipelinedAnswersManyConcurrentCallersCorrectly() throws Exception {
    ExecutorService io = Executors.newSingleThreadExecutor();
    try {
      assertEightCallersEachGetTheirOwnAnswers(CallBatcher.pipelined(
          batch -> CompletableFuture.supplyAsync(() -> batch.stream().map(n -> -n).toList(), io), 4));
    } finally {
      io.shutdownNow();
    }
  }

  /** A pipelined batcher whose calls are answered by the test, remembering what each sent and from where. */
  private static final class ManualCalls {
    final List<List<Integer>> calls = new CopyOnWriteArrayList<>();
    final List<String> sentFrom = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<List<Integer>>> answers = new CopyOnWriteArrayList<>();
    final CallBatcher<Integer, Integer> batcher = CallBatcher.pipelined(batch -> {
      calls.add(batch);
      sentFrom.add(Thread.currentThread().getName());
      CompletableFuture<List<Integer>> answer = new CompletableFuture<>();
      answers.add(answer);
      return answer;
    }, 16);

    void answerFirstOnAnotherThread(String name) throws InterruptedException {
      Thread.ofPlatform().name(name).start(() -> answers.get(0).complete(List.of(0))).join();
    }
  }

  private static int queuedBehindFirstCall(CallBatcher<?, ?> batcher) {
    return batcher.queued();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

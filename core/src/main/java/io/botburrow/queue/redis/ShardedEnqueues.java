package io.botburrow.queue.redis;

import io.botburrow.activation.Activation;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.FencedOutException;
import io.botburrow.queue.redis.QueueShardSet.Shard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The coordinator's writes to the sharded queue: each activation goes to its shard, a batch in one part per
 * shard, and a shard that refused the term's token because it lost its state is fenced again and asked once more.
 */
final class ShardedEnqueues {
  /** Runs the shards' parts of a batch enqueue side by side; virtual threads, so none is kept idle. */
  private static final Executor PARTS = Executors.newVirtualThreadPerTaskExecutor();

  private final QueueShardSet shards;
  private final ShardFences fences;

  ShardedEnqueues(QueueShardSet shards, ShardFences fences) {
    this.shards = shards;
    this.fences = fences;
  }

  EnqueueResult enqueue(Activation activation, long fencingToken) {
    Shard shard = shards.shardOf(activation);
    fences.beforeEnqueue(fencingToken);
    try {
      return shard.queue().enqueue(activation, fencingToken);
    } catch (FencedOutException e) {
      if (fences.refenced(shard, fencingToken)) {
        return shard.queue().enqueue(activation, fencingToken);
      }
      throw e;
    }
  }

  List<EnqueueResult> enqueueAll(List<Activation> activations, long fencingToken) {
    if (shards.single()) {
      return shards.all().get(0).queue().enqueueAll(activations, fencingToken);
    }
    Map<Shard, List<Integer>> positions = positionsByShard(activations);
    fences.beforeEnqueue(fencingToken);
    EnqueueResult[] results = new EnqueueResult[activations.size()];
    // the shards' parts go at once, each on its own thread: the batch takes the slowest shard's round trip
    List<CompletableFuture<Void>> parts = new ArrayList<>();
    positions.forEach((shard, indexes) -> parts.add(CompletableFuture.runAsync(() -> {
      List<EnqueueResult> done = enqueuePart(shard, indexes.stream().map(activations::get).toList(), fencingToken);
      for (int i = 0; i < indexes.size(); i++) {
        results[indexes.get(i)] = done.get(i);
      }
    }, PARTS)));
    try {
      CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
    return List.of(results);
  }

  /** The indexes in {@code activations} of each shard's activations, shards in order of first appearance. */
  private Map<Shard, List<Integer>> positionsByShard(List<Activation> activations) {
    Map<Shard, List<Integer>> positions = new LinkedHashMap<>();
    for (int i = 0; i < activations.size(); i++) {
      positions.computeIfAbsent(shards.shardOf(activations.get(i)), s -> new ArrayList<>()).add(i);
    }
    return positions;
  }

  private List<EnqueueResult> enqueuePart(Shard shard, List<Activation> part, long fencingToken) {
    try {
      return shard.queue().enqueueAll(part, fencingToken);
    } catch (FencedOutException e) {
      if (!fences.refenced(shard, fencingToken)) {
        throw e;
      }
      return shard.queue().enqueueAll(part, fencingToken);
    }
  }

  EnqueueResult submit(Activation activation) {
    return shards.shardOf(activation).queue().submit(activation);
  }
}

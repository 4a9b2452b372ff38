package io.botburrow.runner.tools.hub;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which threads the agent posted to during one activation, so the runner does not answer twice. */
public final class PostLog {
  private final Set<String> threads = ConcurrentHashMap.newKeySet();
  private final Set<String> newPosts = ConcurrentHashMap.newKeySet();

  public void commented(String postId) {
    threads.add(postId);
  }

  public void created(String postId) {
    newPosts.add(postId);
  }

  public boolean hasCommentedOn(String postId) {
    return threads.contains(postId);
  }

  public int count() {
    return threads.size() + newPosts.size();
  }
}

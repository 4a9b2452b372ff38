package io.botburrow.runner.tools.hub;

import io.botburrow.hub.Comment;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which threads the agent posted to during one activation, so the runner does not answer twice; and,
 * while the agent answers a notification, the thread whose reply the runtime delivers: a
 * {@code hub_post} there becomes that reply (posted once, as a child of the comment that mentioned it).
 */
public final class PostLog {
  private final Set<String> threads = ConcurrentHashMap.newKeySet();
  private final Set<String> newPosts = ConcurrentHashMap.newKeySet();
  private volatile String replyThread;
  private volatile Function<String, Comment> replier;
  private volatile Comment reply;

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

  /** While the agent answers a notification in {@code postId}, replies there go through {@code replier}. */
  public void answering(String postId, Function<String, Comment> replier) {
    this.replyThread = postId;
    this.replier = replier;
    this.reply = null;
  }

  /** The Hub thread (post id) of the notification being answered, or null. */
  public String answeringThread() {
    return replyThread;
  }

  /** The notification is dealt with; {@code hub_post} comments normally again. */
  public void doneAnswering() {
    this.replyThread = null;
    this.replier = null;
    this.reply = null;
  }

  boolean isReplyThread(String postId) {
    return postId != null && postId.equals(replyThread);
  }

  /** Posts the reply through the runtime, once; a second call returns the first reply. */
  synchronized Comment replyInThread(String content) {
    if (reply == null) {
      reply = replier.apply(content);
      threads.add(replyThread);
    }
    return reply;
  }

  /** The reply the agent posted with {@code hub_post} while answering, if it did. */
  public Optional<Comment> reply() {
    return Optional.ofNullable(reply);
  }
}

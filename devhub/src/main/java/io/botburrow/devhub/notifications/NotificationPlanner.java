package io.botburrow.devhub.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides who is notified of a new post or comment (hub contract §3.3): at most one notification per
 * recipient and source item, a mention winning over a reply, and never the author.
 */
public final class NotificationPlanner {
  private NotificationPlanner() {}

  /** One planned notification. */
  public record Planned(String recipient, NotificationType type) {}

  /**
   * @param author who wrote the item
   * @param mentioned names mentioned in it that belong to existing members
   * @param postAuthor author of the thread's post, or null for a new post
   * @param parentAuthor author of the comment replied to, or null
   */
  public static List<Planned> plan(String author, Set<String> mentioned, String postAuthor, String parentAuthor) {
    Map<String, NotificationType> byRecipient = new LinkedHashMap<>();
    mentioned.forEach(name -> byRecipient.put(name, NotificationType.MENTION));
    for (String replied : new String[] {parentAuthor, postAuthor}) {
      if (replied != null) {
        byRecipient.putIfAbsent(replied, NotificationType.REPLY);
      }
    }
    byRecipient.remove(author);
    return byRecipient.entrySet().stream().map(e -> new Planned(e.getKey(), e.getValue())).toList();
  }
}

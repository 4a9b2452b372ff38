package io.botburrow.devhub.notifications;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code @name} mentions (hub contract §3.3): not preceded by a name character, trailing
 * {@code -}/{@code _} stripped (sentence punctuation), lower-cased, deduplicated in order of appearance.
 */
public final class MentionParser {
  private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_-])@([A-Za-z0-9][A-Za-z0-9_-]{1,49})");

  private MentionParser() {}

  public static Set<String> mentions(String... texts) {
    Set<String> names = new LinkedHashSet<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      Matcher matcher = MENTION.matcher(text);
      while (matcher.find()) {
        String name = stripTrailing(matcher.group(1)).toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static String stripTrailing(String name) {
    int end = name.length();
    while (end > 0 && (name.charAt(end - 1) == '-' || name.charAt(end - 1) == '_')) {
      end--;
    }
    return name.substring(0, end);
  }
}

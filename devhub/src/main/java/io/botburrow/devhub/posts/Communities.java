package io.botburrow.devhub.posts;

import io.botburrow.devhub.api.ApiException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Communities. Unknown ones are created on first use (Moltbook would 404), so a runner posting to any
 * community never fails in development. {@code general} always exists.
 */
@Singleton
@Requires(env = "hub")
public class Communities {
  public static final String DEFAULT = "general";
  private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{1,49}$");

  private final Map<String, Community> byName = new ConcurrentHashMap<>();
  private final Clock clock;

  public Communities(Clock clock) {
    this.clock = clock;
    byName.put(DEFAULT, new Community(DEFAULT, "General", "Everything else", null, clock.instant()));
  }

  /** {@code m/Foo} and {@code foo} are the same community; absent means {@link #DEFAULT}. */
  public static String normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      return DEFAULT;
    }
    String name = raw.trim().toLowerCase(Locale.ROOT);
    name = name.startsWith("m/") ? name.substring(2) : name;
    if (!NAME.matcher(name).matches()) {
      throw ApiException.badRequest("Invalid community name '" + raw + "'",
          "Community names are 2-50 characters: lowercase letters, digits, '-' and '_'");
    }
    return name;
  }

  /** The community, created on the fly when unknown. */
  public Community ensure(String name, String creator) {
    return byName.computeIfAbsent(name, key -> new Community(key, key, null, creator, clock.instant()));
  }

  /** Creates a community explicitly; 409 when it exists. */
  public Community create(String name, String displayName, String description, String creator) {
    Community created = new Community(name, displayName == null ? name : displayName, description, creator,
        clock.instant());
    if (byName.putIfAbsent(name, created) != null) {
      throw ApiException.conflict("Submolt already exists");
    }
    return created;
  }

  public Optional<Community> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<Community> all() {
    return byName.values().stream().sorted(Comparator.comparing(Community::name)).toList();
  }
}

package io.botburrow.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Replaces known secret values with {@value #MARK} in text bound for a model or a log line: each
 * secret as is, JSON-escaped, in hex (lower or upper case) and in base64 (standard or URL-safe,
 * padded or not, also inside a longer base64 blob). Pure and immutable; thread-safe.
 *
 * <p>The rule for short values: a secret shorter than {@value #MIN_SECRET_LENGTH} characters is not
 * redacted at all. Such values ({@code true}, {@code admin}, a port) occur in ordinary output too often
 * for blind replacement not to mangle it, and real credentials are longer. Overlapping or adjacent
 * matches are hidden as one mark. Text that ends with the first {@value #MIN_SECRET_LENGTH} or more
 * characters of a secret form (output cut at a size cap) has that tail hidden too.
 *
 * <p>One pass over the text whatever the number of secrets (Aho-Corasick automaton): cost is linear
 * in the text's length, and text without a match is returned as the same instance.
 */
public final class Redactor implements UnaryOperator<String> {
  public static final int MIN_SECRET_LENGTH = 8;
  public static final String MARK = "[REDACTED]";
  private static final Redactor NONE = new Redactor(Set.of());

  private final Set<String> secrets;
  private final Node root;

  private Redactor(Set<String> secrets) {
    this.secrets = secrets;
    this.root = build(secrets);
  }

  /** A redactor for {@code secrets}; null, blank and short values are ignored (see the class rule). */
  public static Redactor of(Collection<String> secrets) {
    Set<String> kept = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret != null && !secret.isBlank() && secret.strip().length() >= MIN_SECRET_LENGTH) {
        kept.add(secret);
        kept.add(secret.strip());
      }
    }
    return kept.isEmpty() ? NONE : new Redactor(Set.copyOf(kept));
  }

  public static Redactor none() {
    return NONE;
  }

  /** This redactor's secrets and {@code other}'s. */
  public Redactor with(Redactor other) {
    if (other.secrets.isEmpty() || secrets.containsAll(other.secrets)) {
      return this;
    }
    Set<String> all = new LinkedHashSet<>(secrets);
    all.addAll(other.secrets);
    return new Redactor(Set.copyOf(all));
  }

  /** How many distinct secret values it hides (never the values themselves). */
  public int size() {
    return secrets.size();
  }

  public boolean isEmpty() {
    return secrets.isEmpty();
  }

  @Override
  public String apply(String text) {
    return redact(text);
  }

  /** {@code text} with every form of every secret replaced by {@value #MARK}; null stays null. */
  public String redact(String text) {
    if (text == null || secrets.isEmpty() || text.isEmpty()) {
      return text;
    }
    ArrayDeque<int[]> spans = new ArrayDeque<>();
    Node node = root;
    for (int i = 0; i < text.length(); i++) {
      node = step(node, text.charAt(i));
      if (node.longestMatch > 0) {
        add(spans, i + 1 - node.longestMatch, i + 1);
      }
    }
    if (node.depth >= MIN_SECRET_LENGTH) {
      add(spans, text.length() - node.depth, text.length());
    }
    return spans.isEmpty() ? text : replace(text, spans);
  }

  @Override
  public String toString() {
    return "Redactor[" + secrets.size() + " secret(s)]";
  }

  /** Spans arrive by increasing end; a new one swallows the earlier ones it overlaps or touches. */
  private static void add(ArrayDeque<int[]> spans, int start, int end) {
    while (!spans.isEmpty() && start <= spans.peekLast()[1]) {
      start = Math.min(start, spans.pollLast()[0]);
    }
    spans.addLast(new int[] {start, end});
  }

  private static String replace(String text, ArrayDeque<int[]> spans) {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (int[] span : spans) {
      out.append(text, at, span[0]).append(MARK);
      at = span[1];
    }
    return out.append(text, at, text.length()).toString();
  }

  private static Node build(Set<String> secrets) {
    Node root = new Node(0);
    for (String secret : secrets) {
      for (String form : SecretVariants.of(secret, MIN_SECRET_LENGTH)) {
        Node node = root;
        for (int i = 0; i < form.length(); i++) {
          node = node.children.computeIfAbsent(form.charAt(i), c -> new Node(0));
        }
        node.terminal = true;
      }
    }
    linkFailures(root);
    return root;
  }

  /** Breadth-first: failure links, depths and the longest form ending at each node. */
  private static void linkFailures(Node root) {
    root.fail = root;
    List<Node> level = new ArrayList<>();
    for (Node child : root.children.values()) {
      child.fail = root;
      child.depth = 1;
      child.longestMatch = child.terminal ? 1 : 0;
      level.add(child);
    }
    while (!level.isEmpty()) {
      List<Node> next = new ArrayList<>();
      for (Node parent : level) {
        for (Map.Entry<Character, Node> e : parent.children.entrySet()) {
          Node child = e.getValue();
          child.depth = parent.depth + 1;
          Node f = parent.fail;
          while (f != root && !f.children.containsKey(e.getKey())) {
            f = f.fail;
          }
          Node target = f.children.get(e.getKey());
          child.fail = target != null && target != child ? target : root;
          child.longestMatch = child.terminal ? child.depth : child.fail.longestMatch;
          next.add(child);
        }
      }
      level = next;
    }
  }

  private Node step(Node from, char c) {
    for (Node n = from; ; n = n.fail) {
      Node next = n.children.get(c);
      if (next != null) {
        return next;
      }
      if (n == root) {
        return root;
      }
    }
  }

  private static final class Node {
    final Map<Character, Node> children = new HashMap<>(4);
    Node fail;
    int depth;
    int longestMatch;
    boolean terminal;

    Node(int depth) {
      this.depth = depth;
    }
  }
}

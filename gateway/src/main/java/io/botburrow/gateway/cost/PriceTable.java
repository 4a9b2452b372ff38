package io.botburrow.gateway.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.botburrow.llm.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * List prices in USD per million tokens, matched by the longest model-name prefix (so dated names such
 * as {@code gpt-4o-mini-2024-07-18} find their family). The defaults are the data file {@code
 * prices.yml} next to this class; an operator's file of the same shape overrides and adds entries. A
 * model not listed has an unknown cost, not a cost of 0.
 */
public final class PriceTable {
  private static final String DEFAULTS = "prices.yml";

  /** USD per million input, output and cached-input tokens (cached input defaults to the input price). */
  public record Price(double inputPerMillion, double outputPerMillion, double cachedInputPerMillion) {
    public Price {
      if (inputPerMillion < 0 || outputPerMillion < 0 || cachedInputPerMillion < 0) {
        throw new IllegalArgumentException("prices must be >= 0");
      }
    }

    public Price(double inputPerMillion, double outputPerMillion) {
      this(inputPerMillion, outputPerMillion, inputPerMillion);
    }

    /** USD of {@code usage} at this price. */
    public double cost(Usage usage) {
      long fresh = usage.inputTokens() - usage.cachedInputTokens();
      return (fresh * inputPerMillion + usage.cachedInputTokens() * cachedInputPerMillion
          + usage.outputTokens() * outputPerMillion) / 1_000_000;
    }
  }

  private static final int MAX_RESOLVED = 1_000;
  private final Map<String, Price> byPrefix;
  /** Model names already matched: the prefix search runs once per name, not per call. */
  private final Map<String, Optional<Price>> resolved = new java.util.concurrent.ConcurrentHashMap<>();

  public PriceTable(Map<String, Price> byPrefix) {
    var normalized = new LinkedHashMap<String, Price>();
    byPrefix.forEach((prefix, price) -> normalized.put(prefix.toLowerCase(Locale.ROOT), price));
    this.byPrefix = Map.copyOf(normalized);
  }

  /** The prices of the repository's data file. */
  public static PriceTable defaults() {
    try (InputStream in = PriceTable.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("price table " + DEFAULTS + " missing from the classpath");
      }
      return new PriceTable(read(new ObjectMapper(new YAMLFactory()).readTree(in), "classpath:" + DEFAULTS));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in price table", e);
    }
  }

  /** A copy with the entries of the operator's YAML file ({@code models: {name: {input, output, cached_input}}}). */
  public PriceTable overriddenBy(Path file) {
    try {
      var prices = new LinkedHashMap<>(byPrefix);
      prices.putAll(read(new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file)), file.toString()));
      return new PriceTable(prices);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read price table " + file, e);
    }
  }

  private static Map<String, Price> read(JsonNode root, String source) {
    var models = root == null ? null : root.path("models");
    if (models == null || !models.isObject()) {
      throw new IllegalArgumentException(source + ": expected a 'models' map");
    }
    var prices = new LinkedHashMap<String, Price>();
    models.fields().forEachRemaining(entry -> {
      var node = entry.getValue();
      if (!node.path("input").isNumber() || !node.path("output").isNumber()) {
        throw new IllegalArgumentException(source + ": models." + entry.getKey() + " needs numeric input and output");
      }
      double input = node.path("input").asDouble();
      double cached = node.path("cached_input").isNumber() ? node.path("cached_input").asDouble() : input;
      prices.put(entry.getKey(), new Price(input, node.path("output").asDouble(), cached));
    });
    return prices;
  }

  /** A copy with {@code price} for models starting with {@code prefix}. */
  public PriceTable with(String prefix, Price price) {
    var prices = new LinkedHashMap<>(byPrefix);
    prices.put(prefix.toLowerCase(Locale.ROOT), price);
    return new PriceTable(prices);
  }

  /** The price of {@code model} (a gateway's {@code openai/} style prefix is ignored), if listed. */
  public Optional<Price> price(String model) {
    if (model == null) {
      return Optional.empty();
    }
    var known = resolved.get(model);
    if (known != null) {
      return known;
    }
    var found = search(model);
    if (resolved.size() < MAX_RESOLVED) {
      resolved.put(model, found);
    }
    return found;
  }

  private Optional<Price> search(String model) {
    var name = model.toLowerCase(Locale.ROOT).trim();
    var key = name.substring(name.lastIndexOf('/') + 1);
    return byPrefix.keySet().stream()
        .filter(prefix -> key.equals(prefix) || key.startsWith(prefix + "-") || key.startsWith(prefix + ".")
            || key.startsWith(prefix + ":") || key.startsWith(prefix + "@"))
        .max(Comparator.comparingInt(String::length))
        .map(byPrefix::get);
  }

  /** USD cost of {@code usage} on {@code model}; empty when the model is not listed (unknown, not free). */
  public OptionalDouble cost(String model, Usage usage) {
    return price(model).map(p -> OptionalDouble.of(p.cost(usage))).orElse(OptionalDouble.empty());
  }
}

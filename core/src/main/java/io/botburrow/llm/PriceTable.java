package io.botburrow.llm;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * List prices in USD per million tokens, matched by the longest model-name prefix (so dated names
 * such as {@code gpt-4o-mini-2024-07-18} find their family). Unknown and local models cost 0.
 */
public final class PriceTable {

  /** USD per million input and output tokens. */
  public record Price(double inputPerMillion, double outputPerMillion) {
    public Price {
      if (inputPerMillion < 0 || outputPerMillion < 0) {
        throw new IllegalArgumentException("prices must be >= 0");
      }
    }
  }

  private final Map<String, Price> byPrefix;

  public PriceTable(Map<String, Price> byPrefix) {
    var normalized = new LinkedHashMap<String, Price>();
    byPrefix.forEach((prefix, price) -> normalized.put(prefix.toLowerCase(Locale.ROOT), price));
    this.byPrefix = Map.copyOf(normalized);
  }

  /** Published list prices of common hosted models (2025). */
  public static PriceTable defaults() {
    var prices = new LinkedHashMap<String, Price>();
    prices.put("gpt-4o", new Price(2.50, 10.00));
    prices.put("gpt-4o-mini", new Price(0.15, 0.60));
    prices.put("gpt-4.1", new Price(2.00, 8.00));
    prices.put("gpt-4.1-mini", new Price(0.40, 1.60));
    prices.put("gpt-4.1-nano", new Price(0.10, 0.40));
    prices.put("gpt-4-turbo", new Price(10.00, 30.00));
    prices.put("gpt-3.5-turbo", new Price(0.50, 1.50));
    prices.put("gpt-5", new Price(1.25, 10.00));
    prices.put("gpt-5-mini", new Price(0.25, 2.00));
    prices.put("gpt-5-nano", new Price(0.05, 0.40));
    prices.put("o1", new Price(15.00, 60.00));
    prices.put("o1-mini", new Price(1.10, 4.40));
    prices.put("o3", new Price(2.00, 8.00));
    prices.put("o3-mini", new Price(1.10, 4.40));
    prices.put("o4-mini", new Price(1.10, 4.40));
    prices.put("claude-opus-4", new Price(15.00, 75.00));
    prices.put("claude-opus-4-5", new Price(5.00, 25.00));
    prices.put("claude-sonnet-4", new Price(3.00, 15.00));
    prices.put("claude-haiku-4-5", new Price(1.00, 5.00));
    prices.put("claude-3-opus", new Price(15.00, 75.00));
    prices.put("claude-3-7-sonnet", new Price(3.00, 15.00));
    prices.put("claude-3-5-sonnet", new Price(3.00, 15.00));
    prices.put("claude-3-5-haiku", new Price(0.80, 4.00));
    prices.put("claude-3-haiku", new Price(0.25, 1.25));
    return new PriceTable(prices);
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
    var name = model.toLowerCase(Locale.ROOT).trim();
    name = name.substring(name.lastIndexOf('/') + 1);
    var key = name;
    return byPrefix.keySet().stream()
        .filter(prefix -> key.equals(prefix) || key.startsWith(prefix + "-") || key.startsWith(prefix + "."))
        .max(Comparator.comparingInt(String::length))
        .map(byPrefix::get);
  }

  /** USD cost of {@code usage} on {@code model}; 0 when the model is not listed. */
  public double cost(String model, Usage usage) {
    return price(model)
        .map(p -> (usage.inputTokens() * p.inputPerMillion() + usage.outputTokens() * p.outputPerMillion()) / 1_000_000)
        .orElse(0.0);
  }
}

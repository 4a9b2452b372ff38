package io.botburrow.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.botburrow.llm.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {
  private final PriceTable prices = PriceTable.defaults();

  @Test
  void pricesAMillionTokensAtListPriceFromTheDataFile() {
    assertThat(prices.cost("gpt-4o", new Usage(1_000_000, 1_000_000)).getAsDouble()).isCloseTo(12.50, within(1e-9));
    assertThat(prices.cost("gpt-4o-mini", new Usage(2_000_000, 0)).getAsDouble()).isCloseTo(0.30, within(1e-9));
  }

  @Test
  void matchesDatedAndPrefixedModelNamesByTheLongestFamily() {
    assertThat(prices.price("gpt-4o-mini-2024-07-18")).contains(new PriceTable.Price(0.15, 0.60, 0.075));
    assertThat(prices.price("claude-sonnet-4-20250514")).contains(new PriceTable.Price(3.00, 15.00, 0.30));
    assertThat(prices.price("claude-3-5-haiku-latest")).contains(new PriceTable.Price(0.80, 4.00, 0.08));
    assertThat(prices.price("claude-opus-4-5-20251101")).contains(new PriceTable.Price(5.00, 25.00, 0.50));
    assertThat(prices.price("openai/GPT-4o")).contains(new PriceTable.Price(2.50, 10.00, 1.25));
  }

  @Test
  void unknownModelsHaveAnUnknownCostNotZero() {
    assertThat(prices.cost("llama3.1:8b", new Usage(5000, 5000))).isEmpty();
    assertThat(prices.cost("gpt-4oops", new Usage(5000, 5000))).isEmpty();
    assertThat(prices.cost(null, new Usage(1, 1))).isEmpty();
  }

  @Test
  void cachedInputIsBilledAtTheCachedPrice() {
    var usage = new Usage(1_000_000, 0, 400_000);

    assertThat(prices.cost("gpt-4o", usage).getAsDouble()).isCloseTo(0.6 * 2.50 + 0.4 * 1.25, within(1e-9));
  }

  @Test
  void anOperatorFileOverridesAndAddsPrices(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.yml");
    Files.writeString(file, "models:\n  llama3.1: {input: 0, output: 0}\n  gpt-4o: {input: 1, output: 2}\n");

    var custom = prices.overriddenBy(file);

    assertThat(custom.cost("llama3.1:8b", new Usage(5000, 5000))).hasValue(0.0);
    assertThat(custom.cost("gpt-4o", new Usage(1_000_000, 1_000_000)).getAsDouble()).isCloseTo(3.0, within(1e-9));
    assertThat(custom.price("claude-3-haiku")).isPresent();
  }

  @Test
  void smallCallsCostFractionsOfACent() {
    var usage = new Usage(1200, 300);

    assertThat(prices.cost("claude-sonnet-4-20250514", usage).getAsDouble()).isCloseTo(0.0036 + 0.0045, within(1e-12));
  }
}

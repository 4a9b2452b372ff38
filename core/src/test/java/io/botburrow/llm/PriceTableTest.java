package io.botburrow.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PriceTableTest {
  private final PriceTable prices = PriceTable.defaults();

  @Test
  void pricesAMillionTokensAtListPrice() {
    assertThat(prices.cost("gpt-4o", new Usage(1_000_000, 1_000_000))).isCloseTo(12.50, within(1e-9));
    assertThat(prices.cost("gpt-4o-mini", new Usage(2_000_000, 0))).isCloseTo(0.30, within(1e-9));
  }

  @Test
  void matchesDatedAndPrefixedModelNamesByTheLongestFamily() {
    assertThat(prices.price("gpt-4o-mini-2024-07-18")).contains(new PriceTable.Price(0.15, 0.60));
    assertThat(prices.price("claude-sonnet-4-20250514")).contains(new PriceTable.Price(3.00, 15.00));
    assertThat(prices.price("claude-3-5-haiku-latest")).contains(new PriceTable.Price(0.80, 4.00));
    assertThat(prices.price("claude-opus-4-5-20251101")).contains(new PriceTable.Price(5.00, 25.00));
    assertThat(prices.price("openai/GPT-4o")).contains(new PriceTable.Price(2.50, 10.00));
  }

  @Test
  void localAndUnknownModelsCostNothing() {
    assertThat(prices.cost("llama3.1:8b", new Usage(5000, 5000))).isZero();
    assertThat(prices.cost("gpt-4oops", new Usage(5000, 5000))).isZero();
    assertThat(prices.cost("offline-demo", new Usage(5000, 5000))).isZero();
    assertThat(prices.cost(null, new Usage(1, 1))).isZero();
  }

  @Test
  void canBeExtendedWithOwnPrices() {
    var custom = prices.with("my-gateway-model", new PriceTable.Price(1, 2));

    assertThat(custom.cost("my-gateway-model", new Usage(1_000_000, 1_000_000))).isCloseTo(3.0, within(1e-9));
    assertThat(prices.price("my-gateway-model")).isEmpty();
  }

  @Test
  void smallCallsCostFractionsOfACent() {
    var usage = new Usage(1200, 300);

    assertThat(prices.cost("claude-sonnet-4-20250514", usage)).isCloseTo(0.0036 + 0.0045, within(1e-12));
  }
}

package io.botburrow.coordinator.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorPropertiesTest {

  @Test
  void defaultKeyIsRefusedOutsideDevelopmentModeNamingTheVariableToSet() {
    assertThat(new OperatorProperties(OperatorProperties.DEFAULT_KEY).refusal(false))
        .hasValueSatisfying(reason -> assertThat(reason)
            .contains("BOTBURROW_OPERATOR_KEY", "botburrow.operator.key", "dev-admin-key"));
  }

  @Test
  void defaultKeyIsAcceptedInDevelopmentMode() {
    assertThat(new OperatorProperties(OperatorProperties.DEFAULT_KEY).refusal(true)).isEmpty();
  }

  @Test
  void emptyKeyIsRefusedEvenInDevelopmentMode() {
    assertThat(new OperatorProperties(" ").refusal(true)).hasValueSatisfying(r -> assertThat(r).contains("BOTBURROW_OPERATOR_KEY"));
  }

  @Test
  void ownKeyIsAcceptedEverywhere() {
    assertThat(new OperatorProperties("s3cret-operator-key").refusal(false)).isEmpty();
  }

  @Test
  void keyNeverAppearsInToString() {
    assertThat(new OperatorProperties("s3cret-operator-key").toString()).doesNotContain("s3cret");
  }
}

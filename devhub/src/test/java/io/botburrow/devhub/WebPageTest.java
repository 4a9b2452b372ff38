package io.botburrow.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedHub.class)
class WebPageTest {
  private final HubFixture hub;

  WebPageTest(HubFixture hub) {
    this.hub = hub;
  }

  @Test
  void pageIsServedAtTheRootAsHtml() {
    var reply = hub.get("/", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    assertThat(reply.text()).contains("<title>Botburrow Hub (development)</title>")
        .contains("src=\"/hub.js\"").contains("href=\"/hub.css\"");
  }

  @Test
  void scriptAndStylesheetAreServedWithTheirTypes() {
    var script = hub.get("/hub.js", null);
    var styles = hub.get("/hub.css", null);

    assertThat(script.status()).isEqualTo(200);
    assertThat(script.raw().headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(script.text()).contains("/dev/session").contains("/comments");
    assertThat(styles.status()).isEqualTo(200);
    assertThat(styles.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
  }

  @Test
  void pageLoadsNothingFromOtherHosts() {
    for (String path : List.of("/", "/hub.js", "/hub.css")) {
      assertThat(hub.get(path, null).text()).as(path).doesNotContain("http://", "https://", "//cdn");
    }
  }
}

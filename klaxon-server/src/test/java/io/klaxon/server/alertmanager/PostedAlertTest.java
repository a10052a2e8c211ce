package io.klaxon.server.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.alertmanager.PostedAlert.Fault;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming read of a posted alert takes Prometheus's plain shape exactly as the tree read
 * does, and leaves everything else to the tree read, which words the faults.
 */
class PostedAlertTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"labels\":{\"job\":\"node\",\"alertname\":\"Disk\",\"instance\":\"h:1\"},"
            + "\"annotations\":{\"summary\":\"full\",\"description\":\"\"},"
            + "\"startsAt\":\"2026-11-23T07:00:00+01:00\",\"endsAt\":\"2026-11-23T06:05:00Z\","
            + "\"generatorURL\":\"http://prometheus/graph\"}",
        "{\"labels\":{\"a\":\"1\"}}",
        "{\"generatorURL\":\"\",\"labels\":{\"\uD83D\uDD25\":\"x\",\"z\":\"\u00e9\"},"
            + "\"startsAt\":\"\",\"endsAt\":\"0001-01-01T00:00:00Z\"}",
        "{\"labels\":{\"a\":\"1\"},\"annotations\":{}}"
      })
  void aPlainAlert_readsTheSameStreamedAsFromTheTree(String alert) {
    List<Fault> faults = new ArrayList<>();
    PostedAlert fromTree = PostedAlert.read(JSON.readTree(alert), "", false, faults);

    assertThat(faults).isEmpty();
    assertThat(streamed(alert)).isEqualTo(fromTree);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"labels\":{\"a\":\"1\"},\"status\":\"firing\"}",
        "{\"labels\":{\"a\":\"1\"},\"labels\":{\"b\":\"2\"}}",
        "{\"labels\":{\"a\":\"1\",\"a\":\"2\"}}",
        "{\"labels\":{\"a\":\"1\",\"b\":\"\"}}",
        "{\"labels\":{\"\":\"1\"}}",
        "{\"labels\":{\"a\":1}}",
        "{\"labels\":{}}",
        "{\"annotations\":{\"a\":\"1\"}}",
        "{\"labels\":null}",
        "{\"labels\":{\"a\":\"1\"},\"annotations\":null}",
        "{\"labels\":{\"a\":\"1\"},\"annotations\":{\"\":\"x\"}}",
        "{\"labels\":{\"a\":\"1\"},\"generatorURL\":null}",
        "{\"labels\":{\"a\":\"1\"},\"startsAt\":\"yesterday\"}",
        "{\"labels\":{\"a\":\"1\"},\"startsAt\":1}",
        "{\"labels\":{\"a\":\"1\"},\"startsAt\":\"2026-11-23T06:00:00Z\","
            + "\"endsAt\":\"2026-11-23T05:00:00Z\"}"
      })
  void anAlertThatIsNotPlain_isLeftToTheTreeRead(String alert) {
    assertThat(streamed(alert)).isNull();
  }

  @Test
  void aPlainAlert_leavesTheParserAfterItsObject() {
    try (JsonParser parser = JSON.createParser("[{\"labels\":{\"a\":\"1\"}},{}]")) {
      parser.nextToken();
      parser.nextToken();
      assertThat(PostedAlert.readPlain(parser)).isNotNull();
      assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
    }
  }

  private static @Nullable PostedAlert streamed(String alert) {
    try (JsonParser parser = JSON.createParser(alert)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      return PostedAlert.readPlain(parser);
    }
  }
}

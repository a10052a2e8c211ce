package io.klaxon.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed and hostile bodies at every write endpoint, as an admin: huge numbers, deep JSON,
 * control characters, SQL and HTML in text fields, wrong types. Nothing may answer 5xx, and a
 * refused request may not have written anything.
 */
class HostileInputTest extends SecuredServerFixture {

  private static final long SEED = Long.getLong("klaxon.fuzz.seed", 20261123L);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final List<String> HOSTILE_TEXT =
      List.of(
          "'; DROP TABLE alerts; --",
          "\" OR 1=1 --",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "\u0000\u0001\u001b[31mred\u007f",
          "line\nbreak\r\ttab",
          "\uD83D\uDD25 emoji and \u202Eright-to-left",
          "${jndi:ldap://127.0.0.1/x}",
          "../../etc/passwd",
          "",
          " ",
          "x".repeat(100_000));

  private static final List<String> HOSTILE_NUMBERS =
      List.of(
          "1e309",
          "-1e309",
          "123456789012345678901234567890",
          "-9223372036854775809",
          "9223372036854775808",
          "0.0000000000000000000000000001",
          "-0",
          "1e-400",
          "4.9e-324");

  private static final List<String> WHOLE_BODIES =
      List.of(
          "",
          "null",
          "true",
          "0",
          "\"text\"",
          "[]",
          "{}",
          "[null]",
          "[1,2,3]",
          "{\"a\":",
          "{\"a\":1}{\"b\":2}",
          "{'single':'quotes'}",
          "\u0000",
          "[" + "{}".repeat(3) + "]",
          "[".repeat(5000) + "]".repeat(5000),
          "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
          "{\"unknownField\":\"<b>x</b>\"}",
          "[" + "{},".repeat(20_000) + "{}]");

  @Test
  void hostileBodiesAreNeverA5xxAndRefusalsWriteNothing() {
    Random random = new Random(SEED);
    SoftAssertions softly = new SoftAssertions();
    int sent = 0;
    for (Endpoints.Endpoint endpoint : new Endpoints(Endpoints.of(handlerMapping).writes()).all()) {
      // JSON goes to the API; the sign-in and console forms take form fields, not JSON.
      if (!endpoint.pattern().startsWith("/api/")) {
        continue;
      }
      List<String> bodies = new ArrayList<>(WHOLE_BODIES);
      for (int i = 0; i < 12; i++) {
        bodies.add(mutate(body(endpoint), random));
      }
      for (String body : bodies) {
        String before = DatabaseSnapshot.of(dataSource);
        Api.Answer answer = send(endpoint, body);
        sent++;
        String shown = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        int highest = 499;
        softly
            .assertThat(answer.status())
            .as("%s with %s (seed %d): %s", endpoint, shown, SEED, answer.raw().body())
            .isLessThanOrEqualTo(highest);
        if (answer.status() >= 400) {
          // The Alertmanager API answers errors in Alertmanager's form, the rest as problems.
          softly
              .assertThat(answer.contentType())
              .as("%s with %s", endpoint, shown)
              .contains(endpoint.pattern().startsWith("/api/v2/") ? "json" : "problem+json");
          softly
              .assertThat(DatabaseSnapshot.of(dataSource))
              .as("what %s refused with %s left written", endpoint, shown)
              .isEqualTo(before);
        }
      }
    }
    softly.assertAll();
    assertThat(sent).isGreaterThan(300);
  }

  @Test
  void hostileTextInAnAlertIsShownEscapedByTheConsole() throws Exception {
    String script = "<script>alert('klaxon')</script>";
    String image = "<img src=x onerror=alert(1)>";
    Api admin = new Api(port);
    Api.Answer created =
        admin.post(
            "/api/alerts/events",
            "{\"action\":\"trigger\",\"dedupKey\":\"xss\",\"source\":\"xss\",\"type\":\"disk\",\"severity\":\"high\",\"title\":\""
                + script
                + "\",\"message\":\""
                + image
                + "\",\"attributes\":{\"note\":\""
                + image
                + "\"}}");
    assertThat(created.status()).isEqualTo(200);
    long id = created.number("/results/0/alertId");

    for (String page : List.of("/", "/alerts/" + id)) {
      HttpRequest request = admin.request(page).header("Accept", "text/html").GET().build();
      HttpResponse<String> answer =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(page).isEqualTo(200);
      assertThat(answer.body()).as(page).doesNotContain(script).doesNotContain(image);
      assertThat(answer.body()).as(page).contains("&lt;script&gt;");
    }
  }

  @Test
  void anOversizedBodyIsRefusedWith413BeforeItIsRead() {
    Api.Answer answer = admin.post("/api/alerts/events", "[" + " ".repeat(17 * 1024 * 1024) + "]");
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.contentType()).contains("problem+json");
  }

  /** The sample body with one to three of its values replaced by hostile ones. */
  private static String mutate(String sample, Random random) {
    JsonNode tree = JSON.readTree(sample);
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      tree = replaceOneLeaf(tree, random);
    }
    return tree.toString();
  }

  private static JsonNode replaceOneLeaf(JsonNode node, Random random) {
    if (node instanceof ObjectNode object && !object.isEmpty()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
      Map.Entry<String, JsonNode> field = fields.get(random.nextInt(fields.size()));
      object.set(field.getKey(), replaceOneLeaf(field.getValue(), random));
      return object;
    }
    if (node instanceof ArrayNode array && !array.isEmpty()) {
      int index = random.nextInt(array.size());
      array.set(index, replaceOneLeaf(array.get(index), random));
      return array;
    }
    return switch (random.nextInt(4)) {
      case 0 ->
          JSON.getNodeFactory().stringNode(HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size())));
      case 1 -> JSON.readTree(HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size())));
      case 2 -> JSON.getNodeFactory().nullNode();
      default ->
          random.nextBoolean()
              ? JSON.getNodeFactory().arrayNode()
              : JSON.getNodeFactory().objectNode();
    };
  }

  private Api.Answer send(Endpoints.Endpoint endpoint, String body) {
    HttpRequest.Builder request =
        admin
            .request(path(endpoint))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body));
    return admin.send(request);
  }
}

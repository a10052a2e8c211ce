package io.klaxon.server.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What every part of the mapping API contract works with: a client, and names of its own. */
interface ApiFixture {

  Http http();

  /** A source name no other test uses. */
  String source();

  /** A prefix of canonical ids no other test uses. */
  String tag();

  /** A mapping body with the given source ids (JSON members, may be empty). */
  default String mapping(String canonicalId, String sourceIds) {
    return """
    {"canonicalId": "%s", "name": "Match result", "sourceIds": {%s},
     "outcomeMapping": [{"canonical": "1", "sources": {"%s": "Home"}}], "priority": 7,
     "reason": "seed 003"}
    """
        .formatted(canonicalId, sourceIds, source());
  }

  /** Creates a mapping through the API and answers its id. */
  default long created(String canonicalId, String sourceIds) {
    Http.Answer answer = http().post("/api/mappings", mapping(canonicalId, sourceIds));
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
    return answer.number("/id");
  }

  /** The fields a 400 answer names, in its order. */
  static List<String> fields(Http.Answer answer) {
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    for (JsonNode error : answer.json().get("errors")) {
      fields.add(error.get("field").asString());
    }
    return fields;
  }
}

package io.klaxon.server.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The unmapped market log through the API: recorded, listed, triaged and mapped. */
interface UnmappedApiContract extends ApiFixture {

  /** Records sightings of markets of this test's source; answers the id of the first. */
  default long recorded(String... externalIds) {
    StringBuilder body = new StringBuilder("[");
    for (String id : externalIds) {
      body.append(body.length() > 1 ? "," : "")
          .append(
              """
              {"source": "%s", "externalMarketId": "%s", "marketName": "Market %s",
               "sampleOutcomes": ["Over", "Under"], "seenAt": "2026-03-01T12:00:00Z"}
              """
                  .formatted(source(), id, id));
    }
    Http.Answer answer = http().post("/api/unmapped", body.append("]").toString());
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return http()
        .get("/api/unmapped?source=" + source() + "&sort=-lastSeenAt")
        .number("/markets/0/id");
  }

  @Test
  default void sightingsAreCounted_listedBySourceAndStatus_andSortedByOccurrences() {
    recorded("18", "18", "18", "5");
    Http.Answer list = http().get("/api/unmapped?source=" + source());
    assertThat(list.number("/total")).isEqualTo(2);
    assertThat(list.text("/markets/0/externalMarketId")).isEqualTo("18");
    assertThat(list.number("/markets/0/occurrenceCount")).isEqualTo(3);
    assertThat(list.text("/markets/0/status")).isEqualTo("NEW");
    assertThat(list.text("/markets/0/sampleOutcomes/1")).isEqualTo("Under");
    assertThat(
            http()
                .get("/api/unmapped?source=" + source() + "&sort=occurrences")
                .text("/markets/0/externalMarketId"))
        .isEqualTo("5");
    assertThat(
            http().get("/api/unmapped?source=" + source() + "&status=new,IGNORED").number("/total"))
        .isEqualTo(2);
  }

  @Test
  default void badSightings_areRefusedNamingEachField_andNothingIsCounted() {
    String body =
        """
        [{"source": "%s", "externalMarketId": "ok"},
         {"source": "no spaces", "externalMarketId": " ", "seenAt": "soon"}]
        """
            .formatted(source());
    Http.Answer refused = http().post("/api/unmapped", body);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("/errors/0/field")).isEqualTo("[1].seenAt");
    Http.Answer invalid = http().post("/api/unmapped", body.replace(", \"seenAt\": \"soon\"", ""));
    assertThat(ApiFixture.fields(invalid)).containsExactly("[1].source", "[1].externalMarketId");
    assertThat(http().get("/api/unmapped?source=" + source()).number("/total")).isZero();
  }

  @Test
  default void aPatch_acceptsStatusWordsInAnyCase_andAnswersTheSeedsUppercase() {
    long id = recorded("7");
    Http.Answer patched =
        http()
            .patch("/api/unmapped/" + id, "{\"status\": \"ignored\", \"notes\": \"promo market\"}");
    assertThat(patched.status()).as(patched.raw().body()).isEqualTo(200);
    assertThat(patched.text("/status")).isEqualTo("IGNORED");
    assertThat(patched.text("/notes")).isEqualTo("promo market");
    assertThat(ApiFixture.fields(http().patch("/api/unmapped/" + id, "{\"status\": \"done\"}")))
        .containsExactly("status");
    assertThat(ApiFixture.fields(http().patch("/api/unmapped/" + id, "{}")))
        .containsExactly("status");
    assertThat(http().get("/api/unmapped/" + id).text("/status")).isEqualTo("IGNORED");
  }

  @Test
  default void mappingAMarket_createsOrExtendsAMapping_marksItMapped_andAudits() {
    long first = recorded("18");
    Http.Answer created =
        http()
            .as("carol")
            .post(
                "/api/unmapped/" + first + "/map",
                "{\"canonicalId\": \"" + tag() + "-OU\", \"priority\": 2}");
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(created.json().get("created").asBoolean()).isTrue();
    assertThat(created.text("/mapping/name")).isEqualTo("Market 18");
    assertThat(created.text("/mapping/sourceIds/" + source())).isEqualTo("18");
    assertThat(created.text("/market/status")).isEqualTo("MAPPED");
    long mappingId = created.number("/mapping/id");
    assertThat(created.number("/market/mappingId")).isEqualTo(mappingId);
    assertThat(
            http().get("/api/mappings/resolve?source=" + source() + "&externalId=18").number("/id"))
        .isEqualTo(mappingId);

    String other = "other-" + tag();
    long elsewhere = created(tag() + "-X", "\"" + other + "\": \"3\"");
    http().post("/api/unmapped", "[{\"source\": \"" + other + "\", \"externalMarketId\": \"4\"}]");
    long second = http().get("/api/unmapped?source=" + other).number("/markets/0/id");
    Http.Answer refused =
        http().post("/api/unmapped/" + second + "/map", "{\"mappingId\": " + elsewhere + "}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("/field")).isEqualTo("mappingId");
    Http.Answer added =
        http().post("/api/unmapped/" + second + "/map", "{\"mappingId\": " + mappingId + "}");
    assertThat(added.status()).as(added.raw().body()).isEqualTo(200);
    assertThat(added.text("/mapping/sourceIds/" + other)).isEqualTo("4");

    Http.Answer audit = http().get("/api/mappings/" + mappingId + "/audit");
    assertThat(audit.json().size()).isEqualTo(2);
    assertThat(audit.json().get(0).get("actor").asString()).isEqualTo("key:carol");
    assertThat(audit.json().get(1).get("action").asString()).isEqualTo("UPDATE");
  }

  @Test
  default void aMapRequest_namesWhatDoesNotFitTogether() {
    long id = recorded("1");
    assertThat(ApiFixture.fields(http().post("/api/unmapped/" + id + "/map", "{}")))
        .containsExactly("canonicalId");
    assertThat(
            ApiFixture.fields(
                http()
                    .post(
                        "/api/unmapped/" + id + "/map",
                        "{\"mappingId\": 1, \"canonicalId\": \"x\"}")))
        .containsExactly("mappingId");
    assertThat(
            ApiFixture.fields(
                http().post("/api/unmapped/" + id + "/map", "{\"mappingId\": 1, \"name\": \"x\"}")))
        .containsExactly("name");
    assertThat(http().get("/api/unmapped/" + id).text("/status")).isEqualTo("NEW");
  }
}

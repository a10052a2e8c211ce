package io.klaxon.server.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The audit trail through the API: one entry per mutating call; export and import. */
interface MappingAuditApiContract extends ApiFixture {

  @Test
  default void everyMutatingCall_leavesExactlyOneEntry_withTheMappingBeforeAndAfter() {
    Http http = http();
    Http.Answer created =
        http.as("alice")
            .post("/api/mappings", mapping(tag() + "-AUD", "\"" + source() + "\": \"1\""));
    long id = created.number("/id");
    JsonNode v1 = created.json();
    JsonNode v2 =
        http.as(null)
            .put("/api/mappings/" + id, mapping(tag() + "-AUD", "\"" + source() + "\": \"2\""))
            .json();
    JsonNode v3 =
        http.as("bob")
            .post("/api/mappings/" + id + "/deactivate", "{\"reason\": \"paused\"}")
            .json();
    JsonNode v4 = http.post("/api/mappings/" + id + "/activate", null).json();
    JsonNode v5 = http.delete("/api/mappings/" + id + "?reason=retired").json();
    // Changes that change nothing answer the mapping as it is, and leave no entry.
    assertThat(http.delete("/api/mappings/" + id).json()).isEqualTo(v5);
    assertThat(http.post("/api/mappings/" + id + "/deactivate", null).status()).isEqualTo(200);

    Http.Answer audit = http.get("/api/mappings/" + id + "/audit");
    assertThat(audit.status()).isEqualTo(200);
    JsonNode entries = audit.json();
    assertThat(entries.size()).isEqualTo(5);
    List<String> actions = List.of("CREATE", "UPDATE", "DEACTIVATE", "ACTIVATE", "DELETE");
    List<String> actors = List.of("key:alice", "key:admin", "key:bob", "key:bob", "key:bob");
    List<JsonNode> states = List.of(v1, v2, v3, v4, v5);
    for (int i = 0; i < 5; i++) {
      JsonNode entry = entries.get(i);
      assertThat(entry.get("action").asString()).isEqualTo(actions.get(i));
      assertThat(entry.get("actor").asString()).isEqualTo(actors.get(i));
      assertThat(entry.get("mappingId").asLong()).isEqualTo(id);
      assertThat(entry.get("newValue")).as("entry %d newValue", i).isEqualTo(states.get(i));
      if (i == 0) {
        assertThat(entry.get("oldValue").isNull()).isTrue();
      } else {
        assertThat(entry.get("oldValue")).as("entry %d oldValue", i).isEqualTo(states.get(i - 1));
      }
    }
    assertThat(entries.get(0).get("reason").asString()).isEqualTo("seed 003");
    assertThat(entries.get(2).get("reason").asString()).isEqualTo("paused");
    assertThat(entries.get(3).get("reason").isNull()).isTrue();
    assertThat(entries.get(4).get("reason").asString()).isEqualTo("retired");
    assertThat(v5.get("active").asBoolean()).isFalse();
  }

  @Test
  default void theAuditLog_filtersByActionAndCanonicalId_inAnyCase_newestFirst() {
    long id = created(tag() + "-F", "");
    http().post("/api/mappings/" + id + "/deactivate", null);
    String canonical = "canonicalId=" + tag() + "-F";

    Http.Answer all = http().get("/api/mappings/audit?" + canonical);
    assertThat(all.number("/total")).isEqualTo(2);
    assertThat(all.text("/entries/0/action")).isEqualTo("DEACTIVATE");
    assertThat(all.text("/entries/1/action")).isEqualTo("CREATE");
    Http.Answer creates = http().get("/api/mappings/audit?action=create&" + canonical);
    assertThat(creates.number("/total")).isEqualTo(1);
    assertThat(
            http()
                .get("/api/mappings/audit?action=Create,DEACTIVATE&" + canonical)
                .number("/total"))
        .isEqualTo(2);
    String at = all.text("/entries/0/at");
    assertThat(http().get("/api/mappings/audit?from=" + at + "&" + canonical).number("/total"))
        .isEqualTo(1);
    assertThat(http().get("/api/mappings/audit?to=" + at + "&" + canonical).number("/total"))
        .isEqualTo(1);
  }

  @Test
  default void anExport_importedBack_isUnchanged_andAnImportReportsWhatItDidWithEachItem() {
    created(tag() + "-E1", "\"" + source() + "\": \"1\"");
    Http.Answer export = http().get("/api/mappings/export");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.number("/count")).isEqualTo(export.json().get("mappings").size());

    Http.Answer same = http().post("/api/mappings/import", export.raw().body());
    assertThat(same.status()).as(same.raw().body()).isEqualTo(200);
    assertThat(same.json().get("created").size()).isZero();
    assertThat(same.json().get("updated").size()).isZero();
    assertThat(same.json().get("rejected").size()).isZero();
    assertThat(same.json().get("unchanged").size()).isEqualTo(export.json().get("mappings").size());

    String items =
        """
        {"reason": "from staging", "mappings": [
          {"canonicalId": "%1$s-E1", "name": "Renamed", "sourceIds": {"%2$s": "1"}},
          {"canonicalId": "%1$s-E2", "name": "New", "sourceIds": {"%2$s": "2"}, "active": false},
          {"canonicalId": "%1$s-E3", "name": "Clash", "sourceIds": {"%2$s": "1"}},
          {"canonicalId": "", "sourceIds": {"%2$s": ""}}]}
        """
            .formatted(tag(), source());
    Http.Answer report = http().as("importer").post("/api/mappings/import", items);
    assertThat(report.status()).as(report.raw().body()).isEqualTo(200);
    assertThat(report.text("/updated/0/canonicalId")).isEqualTo(tag() + "-E1");
    assertThat(report.text("/created/0/canonicalId")).isEqualTo(tag() + "-E2");
    assertThat(report.number("/rejected/0/index")).isEqualTo(2);
    assertThat(report.number("/rejected/0/status")).isEqualTo(409);
    assertThat(report.text("/rejected/0/errors/0/field")).isEqualTo("sourceIds." + source());
    assertThat(report.number("/rejected/1/status")).isEqualTo(400);
    assertThat(report.json().at("/rejected/1/errors").size()).isEqualTo(3);
    assertThat(
            http()
                .get("/api/mappings/audit?canonicalId=" + tag() + "-E1")
                .text("/entries/0/reason"))
        .isEqualTo("from staging");
    assertThat(http().get("/api/mappings/audit?canonicalId=" + tag() + "-E3").number("/total"))
        .isZero();
  }
}

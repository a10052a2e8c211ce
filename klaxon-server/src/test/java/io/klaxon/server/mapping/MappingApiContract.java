package io.klaxon.server.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The mapping API over real HTTP, run unchanged on SQLite and PostgreSQL by its subclasses. Every
 * test works on a source and canonical ids of its own, so tests share one server and database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class MappingApiContract implements MappingAuditApiContract, UnmappedApiContract {

  @LocalServerPort int port;
  Http http;
  String source;
  String tag;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    tag = UUID.randomUUID().toString().substring(0, 8);
    source = "src-" + tag;
  }

  @Override
  public Http http() {
    return http;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public String tag() {
    return tag;
  }

  @Test
  void aCreatedMapping_isAnswered201WithItsLocation_andReadsBackWithEveryField() {
    Http.Answer created =
        http.as("alice")
            .post(
                "/api/mappings",
                mapping(
                    tag + "-1X2", "\"" + source + "\": \"3743\", \"Other-" + tag + "\": \"1\""));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    long id = created.number("/id");
    assertThat(created.header("Location")).isEqualTo("/api/mappings/" + id);

    Http.Answer read = http.get("/api/mappings/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(created.json());
    assertThat(read.text("/canonicalId")).isEqualTo(tag + "-1X2");
    assertThat(read.text("/sourceIds/" + source)).isEqualTo("3743");
    assertThat(read.text("/sourceIds/other-" + tag))
        .as("source names are lowercased")
        .isEqualTo("1");
    assertThat(read.text("/outcomeMapping/0/canonical")).isEqualTo("1");
    assertThat(read.text("/outcomeMapping/0/sources/" + source)).isEqualTo("Home");
    assertThat(read.number("/priority")).isEqualTo(7);
    assertThat(read.json().get("active").asBoolean()).isTrue();
    assertThat(read.text("/createdBy")).isEqualTo("key:alice");
    assertThat(read.text("/createdAt")).endsWith("Z");
  }

  @Test
  void anUpdate_replacesTheContent_andTheListFiltersAndPages() {
    long a = created(tag + "-A", "\"" + source + "\": \"1\"");
    long b = created(tag + "-B", "\"" + source + "\": \"2\"");
    Http.Answer updated =
        http.put(
            "/api/mappings/" + a,
            mapping(tag + "-A", "\"" + source + "\": \"9\"").replace("Match result", "Renamed"));
    assertThat(updated.status()).as(updated.raw().body()).isEqualTo(200);
    assertThat(updated.text("/name")).isEqualTo("Renamed");
    assertThat(updated.text("/sourceIds/" + source)).isEqualTo("9");
    assertThat(http.post("/api/mappings/" + b + "/deactivate", null).status()).isEqualTo(200);

    Http.Answer all = http.get("/api/mappings?source=" + source + "&limit=1");
    assertThat(all.number("/total")).isEqualTo(2);
    assertThat(all.json().get("mappings").size()).isEqualTo(1);
    assertThat(all.number("/limit")).isEqualTo(1);
    assertThat(http.get("/api/mappings?source=" + source + "&active=true").number("/total"))
        .isEqualTo(1);
    assertThat(
            http.get("/api/mappings?active=false&q=" + tag + "-b").text("/mappings/0/canonicalId"))
        .isEqualTo(tag + "-B");
  }

  @Test
  void resolve_answersTheActiveMappingOfASourceId_orNotFound() {
    long id = created(tag + "-R", "\"" + source + "\": \"77\"");
    Http.Answer found =
        http.get("/api/mappings/resolve?source=" + source.toUpperCase() + "&externalId=77");
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.number("/id")).isEqualTo(id);

    http.delete("/api/mappings/" + id);
    Http.Answer gone = http.get("/api/mappings/resolve?source=" + source + "&externalId=77");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
    assertThat(http.get("/api/mappings/resolve?externalId=77").text("/errors/0/field"))
        .isEqualTo("source");
  }

  @Test
  void invalidBodies_areRefusedNamingEveryBadField_andNothingIsWritten() {
    String body =
        """
        {"canonicalId": " ", "sourceIds": {"Bad Source": "1", "%s": null},
         "outcomeMapping": [{"canonical": "1"}, {"canonical": "1"}, null], "priority": 1}
        """
            .formatted(source);
    Http.Answer refused = http.post("/api/mappings", body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(ApiFixture.fields(refused))
        .containsExactlyInAnyOrder(
            "canonicalId",
            "name",
            "sourceIds.Bad Source",
            "sourceIds." + source,
            "outcomeMapping[1].canonical",
            "outcomeMapping[2]");
    assertThat(
            http.post("/api/mappings", "{\"canonicalId\": \"x\", \"priority\": \"high\"}")
                .text("/errors/0/field"))
        .isEqualTo("priority");
    assertThat(
            http.post("/api/mappings", "{\"canonicalId\": \"x\", \"nmae\": \"typo\"}")
                .text("/errors/0/reason"))
        .contains("unknown field 'nmae'");
    assertThat(http.get("/api/mappings?source=" + source).number("/total")).isZero();
  }

  @Test
  void conflicts_areAnswered409NamingTheClash_andNothingIsWritten() {
    long held = created(tag + "-HELD", "\"" + source + "\": \"5\"");
    Http.Answer clash =
        http.post("/api/mappings", mapping(tag + "-NEW", "\"" + source + "\": \"5\""));
    assertThat(clash.status()).isEqualTo(409);
    assertThat(clash.text("/field")).isEqualTo("sourceIds." + source);
    assertThat(clash.text("/detail")).contains(tag + "-HELD", "id " + held);

    Http.Answer taken = http.post("/api/mappings", mapping(tag + "-HELD", ""));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.text("/field")).isEqualTo("canonicalId");
    assertThat(http.get("/api/mappings?q=" + tag).number("/total")).isEqualTo(1);
    assertThat(http.get("/api/mappings/audit?canonicalId=" + tag + "-NEW").number("/total"))
        .isZero();
  }

  @Test
  void unknownIds_areAnswered404() {
    assertThat(http.get("/api/mappings/999999999").status()).isEqualTo(404);
    assertThat(http.put("/api/mappings/999999999", mapping(tag + "-X", "")).status())
        .isEqualTo(404);
    assertThat(http.delete("/api/mappings/999999999").status()).isEqualTo(404);
    assertThat(http.post("/api/mappings/999999999/activate", null).status()).isEqualTo(404);
    assertThat(http.get("/api/mappings/999999999/audit").status()).isEqualTo(404);
    assertThat(http.get("/api/unmapped/999999999").status()).isEqualTo(404);
    assertThat(http.patch("/api/unmapped/999999999", "{\"status\": \"ignored\"}").status())
        .isEqualTo(404);
    assertThat(
            http.post("/api/unmapped/999999999/map", "{\"canonicalId\": \"" + tag + "\"}").status())
        .isEqualTo(404);
    assertThat(http.get("/api/mappings/abc").text("/errors/0/field")).isEqualTo("id");
  }

  @Test
  void lists_refuseUnknownAndMalformedParameters_namingEach() {
    Http.Answer mappings = http.get("/api/mappings?colour=red&limit=1001&offset=-1&active=maybe");
    assertThat(mappings.status()).isEqualTo(400);
    assertThat(ApiFixture.fields(mappings))
        .containsExactlyInAnyOrder("colour", "limit", "offset", "active");
    assertThat(
            ApiFixture.fields(http.get("/api/mappings/audit?action=create,explode&from=yesterday")))
        .containsExactlyInAnyOrder("action", "from");
    assertThat(ApiFixture.fields(http.get("/api/unmapped?status=new,open&sort=name&page=2")))
        .containsExactlyInAnyOrder("status", "sort", "page");
    assertThat(ApiFixture.fields(http.get("/api/mappings/export?all=true"))).containsExactly("all");
    assertThat(http.get("/api/mappings").number("/limit")).isEqualTo(50);
  }
}

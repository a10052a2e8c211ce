package io.klaxon.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.KeyText;
import io.klaxon.server.Api;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keys through the API (the secret shown once, listed without it, revoked at once), the actor every
 * change records, both key headers, browser sign-in with its session, CSRF protection and security
 * headers.
 */
class KeysAndSessionsTest extends SecuredServerFixture {

  private String name(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aKeyIsShownOnceListedWithoutSecretAndRevokedAtOnce() {
    String name = name("ops-bot");
    Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Api.Answer created =
        admin.post(
            "/api/keys",
            "{\"name\":\""
                + name
                + "\",\"scopes\":[\"read\",\"operate\"],\"expiresAt\":\""
                + expiry
                + "\"}");
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    String text = created.text("/key");
    String id = created.text("/id");
    assertThat(text).startsWith("klx_" + id + "_");
    assertThat(created.text("/name")).isEqualTo(name);
    assertThat(created.json().at("/scopes").toString()).isEqualTo("[\"read\",\"operate\"]");
    assertThat(created.raw().headers().firstValue("Location")).contains("/api/keys/" + id);

    Api.Answer listed = admin.get("/api/keys");
    assertThat(listed.raw().body())
        .contains(id)
        .doesNotContain(KeyText.parse(text).orElseThrow().secret());
    assertThat(listed.raw().body()).doesNotContain("$2a$").doesNotContain("secretHash");
    Api.Answer one = admin.get("/api/keys/" + id);
    assertThat(one.text("/expiresAt")).isEqualTo(expiry.toString());
    assertThat(one.text("/createdBy")).isEqualTo(Api.ADMIN_ACTOR);

    Api withKey = new Api(port, text);
    assertThat(withKey.get("/api/alerts").status()).isEqualTo(200);
    assertThat(admin.get("/api/keys/" + id).json().at("/lastUsedAt").isNull()).isFalse();
    assertThat(admin.delete("/api/keys/" + id).status()).isEqualTo(204);
    assertThat(withKey.get("/api/alerts").status()).isEqualTo(401);
    assertThat(admin.get("/api/keys/" + id).json().at("/revokedAt").isNull()).isFalse();
    assertThat(admin.delete("/api/keys/nosuchkey0000").status()).isEqualTo(404);
  }

  @Test
  void badKeyRequestsAreRefusedNamingEachField() {
    Api.Answer refused =
        admin.post(
            "/api/keys",
            "{\"name\":\"a"
                + " b\",\"scopes\":[\"read\",\"root\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.fields()).containsExactly("scopes[1]");
    Api.Answer bad =
        admin.post(
            "/api/keys",
            "{\"name\":\"a b\",\"scopes\":[\"read\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}");
    assertThat(bad.fields()).containsExactly("name", "expiresAt");
    assertThat(admin.post("/api/keys", "{\"scopes\":[]}").fields())
        .containsExactly("name", "scopes");
    assertThat(
            admin
                .post("/api/keys", "{\"name\":\"x\",\"scopes\":[\"read\"],\"secret\":\"mine\"}")
                .status())
        .isEqualTo(400);
    String name = name("twice");
    admin.createKey(name, "read");
    Api.Answer taken = admin.post("/api/keys", "{\"name\":\"" + name + "\",\"scopes\":[\"read\"]}");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.text("/field")).isEqualTo("name");
  }

  @Test
  void theActorIsTheKeyWhateverTheActorHeaderSays() {
    String name = name("pager");
    String key = admin.createKey(name, "operate", "read");
    Api operator = new Api(port, key);
    Api.Answer acknowledged =
        operator.send(
            operator
                .request("/api/alerts/" + alertId)
                .header("Content-Type", "application/json")
                .header("X-Klaxon-Actor", "someone-else")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"acknowledged\":true}")));
    assertThat(acknowledged.status()).as(acknowledged.raw().body()).isEqualTo(200);
    Api.Answer history = operator.get("/api/alerts/" + alertId + "/history");
    assertThat(history.json().get(history.json().size() - 1).get("actor").asString())
        .isEqualTo("key:" + name);
  }

  @Test
  void settingsChangesRecordTheKeyThatMadeThem() {
    String name = name("risk-lead");
    Api lead = admin.withKey(admin.createKey(name, "admin"));
    String hosts = lead.get("/api/settings/hosts").raw().body();
    assertThat(lead.put("/api/settings/hosts", hosts).status()).isEqualTo(200);
    Api.Answer hostChanges = lead.get("/api/settings/hosts/history");
    assertThat(hostChanges.text("/0/actor")).isEqualTo("key:" + name);
    assertThat(hostChanges.text("/0/section")).isEqualTo("hosts");

    assertThat(lead.put("/api/settings", "{\"alertThresholdWarning\":7.0}").status())
        .isEqualTo(200);
    assertThat(lead.get("/api/settings/history").text("/0/actor")).isEqualTo("key:" + name);
  }

  @Test
  void theKeyMayComeAsXApiKeyAndOtherSchemesAreRefused() {
    String key = scoped.get(io.klaxon.access.Scope.READ);
    assertThat(
            admin
                .send(admin.anonymous().request("/api/alerts").header("X-API-Key", key).GET())
                .status())
        .isEqualTo(200);
    Api.Answer basic =
        admin.send(
            admin
                .anonymous()
                .request("/api/alerts")
                .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .GET());
    assertThat(basic.status()).isEqualTo(401);
    assertThat(basic.raw().headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"klaxon\"");
  }

  @Test
  void aBrowserSignsInWithAKeyAndItsFormsNeedTheCsrfToken() {
    Api anonymous = admin.anonymous();
    Api.Answer page = anonymous.get("/login");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().body())
        .contains("name=\"key\"")
        .doesNotContain("<script")
        .doesNotContain("style=");
    assertThat(page.raw().headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(page.raw().headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    String cookie = sessionCookie(page);
    String token = csrfToken(page.raw().body());

    // Without the CSRF token the sign-in is refused, even with a good key.
    Api.Answer forged = form(anonymous, cookie, "key=" + encode(Api.ADMIN_KEY));
    assertThat(forged.status()).isEqualTo(403);

    Api.Answer wrong =
        form(anonymous, cookie, "key=klx_nope_" + "x".repeat(43) + "&_csrf=" + encode(token));
    assertThat(wrong.status()).isEqualTo(302);
    assertThat(wrong.raw().headers().firstValue("Location").orElse("")).endsWith("/login?error");

    Api.Answer signedIn =
        form(
            anonymous,
            cookie,
            "key=" + encode(scoped.get(io.klaxon.access.Scope.READ)) + "&_csrf=" + encode(token));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.raw().headers().firstValue("Location").orElse("")).endsWith("/");
    String session = sessionCookie(signedIn);
    assertThat(session).as("a new session id at sign-in").isNotEqualTo(cookie);
    assertThat(signedIn.raw().headers().allValues("Set-Cookie").toString())
        .contains("HttpOnly")
        .contains("SameSite=Strict");

    Api.Answer read =
        anonymous.send(anonymous.request("/api/alerts").header("Cookie", session).GET());
    assertThat(read.status()).isEqualTo(200);
    // A change by cookie alone is what a forged cross-site form would send: refused.
    Api.Answer noToken =
        anonymous.send(
            anonymous
                .request("/api/alerts/" + alertId + "/notes")
                .header("Cookie", session)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"forged\"}")));
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(noToken.text("/detail")).contains("CSRF");
  }

  private Api.Answer form(Api api, String cookie, String body) {
    return api.send(
        api.request("/login")
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String sessionCookie(Api.Answer answer) {
    return answer.raw().headers().allValues("Set-Cookie").stream()
        .filter(value -> value.startsWith("JSESSIONID="))
        .map(value -> value.substring(0, value.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + answer.raw().headers()));
  }

  private static String csrfToken(String html) {
    Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
    return matcher.group(1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

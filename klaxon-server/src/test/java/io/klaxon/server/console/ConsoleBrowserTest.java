package io.klaxon.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.server.Api;
import io.klaxon.store.jdbc.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real browser: headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}) against a running server on SQLite. One browser session for the class; the
 * tests run in order and each leaves a screenshot of its page in {@code
 * target/console-screenshots}. Without Chromium the class is skipped, except under CI where that is
 * a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  static final Duration WAIT = Duration.ofSeconds(10);

  static TestDatabase database;
  static WebDriver driver;
  static Path profile;
  static boolean signedIn;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    if (database == null) {
      database = TestDatabase.sqlite(Files.createTempDirectory("klaxon-console-"));
    }
    registry.add("klaxon.db.url", () -> database.jdbcUrl());
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      String reason =
          "Chromium or its driver is missing ("
              + CHROMIUM
              + ", "
              + CHROMEDRIVER
              + "): apt-get install chromium chromium-driver; .ci/run installs them";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(reason);
      }
      Assumptions.abort(reason);
    }
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("klaxon-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Without the networking flags Chromium misbehaves on a closed network.
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (database != null) {
      database.close();
    }
    if (profile != null) {
      org.springframework.util.FileSystemUtils.deleteRecursively(profile);
    }
  }

  /**
   * Signs in through the sign-in page with the test admin key, once per browser session: the
   * session cookie then carries every later page and action.
   */
  void signIn(WebDriver browser) {
    if (signedIn) {
      return;
    }
    browser.get(base() + "/login");
    browser.findElement(By.id("key")).sendKeys(Api.ADMIN_KEY);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(browser, WAIT).until(page -> !page.getCurrentUrl().contains("/login"));
    signedIn = true;
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  Api api() {
    return new Api(port);
  }

  /** Triggers one alert through the API and answers its id. */
  long trigger(String source, String type, String severity, String title) {
    Api.Answer answer =
        api()
            .post(
                "/api/alerts/events",
                """
                [{"action":"trigger","dedupKey":"%s","source":"%s","type":"%s","severity":"%s",
                  "title":"%s","subject":{"type":"event","key":"ev-%s","name":"Arsenal v Chelsea"},
                  "value":2.1,"attributes":{"outcome":"home","previousOdds":1.8}}]
                """
                    .formatted(UUID.randomUUID(), source, type, severity, title, source));
    assertThat(answer.status()).isEqualTo(200);
    return answer.number("/results/0/alertId");
  }

  void open(String path) throws IOException, InterruptedException {
    signIn(driver);
    driver.get(base() + path);
  }

  WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    // The board re-renders itself when the change feed says so: a row read a moment ago may go.
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  static void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  String statusOf(long alertId) {
    return driver.findElement(By.cssSelector("#alert-" + alertId + " .status")).getText();
  }

  @Test
  @Order(1)
  void boardFiltersByTextAndAcknowledgesTheSelectedAlert() throws Exception {
    long disk = trigger("board", "disk_full", "critical", "Disk full on db-1");
    long cpu = trigger("board", "cpu_high", "medium", "CPU busy on web-2");
    trigger("board", "memory", "low", "Memory creeping on web-3");

    open("/");
    assertThat(driver.findElements(By.cssSelector("#alert-" + disk))).hasSize(1);
    assertThat(driver.findElement(By.cssSelector(".tabs .tab-open .count")).getText())
        .isEqualTo("3");
    screenshot("board");

    WebElement text = driver.findElement(By.id("f-q"));
    text.sendKeys("CPU busy");
    driver.findElement(By.cssSelector(".filters button[type=submit]")).click();
    waiting().until(ExpectedConditions.urlContains("q=CPU"));
    waiting().until(d -> d.findElements(By.cssSelector("#alert-" + disk)).isEmpty());
    assertThat(driver.findElements(By.cssSelector("tr[data-alert-id]"))).hasSize(1);
    assertThat(driver.findElement(By.id("f-q")).getAttribute("value")).isEqualTo("CPU busy");

    driver.findElement(By.id("select-" + cpu)).click();
    driver.findElement(By.cssSelector("#bulk button[value=acknowledge]")).click();
    waiting().until(d -> statusOf(cpu).equals("acknowledged"));
    assertThat(driver.findElement(By.cssSelector(".notice")).getText())
        .contains("1 alert acknowledged");
    assertThat(api().get("/api/alerts/" + cpu).text("/status")).isEqualTo("acknowledged");
    // The filters stayed in the URL across the action.
    assertThat(driver.getCurrentUrl()).contains("q=CPU");
  }

  @Test
  @Order(2)
  void boardShowsAnAlertRaisedThroughTheApiWithoutAReload() throws Exception {
    open("/?source=live");
    waiting()
        .until(d -> d.findElement(By.cssSelector("[data-live-state]")).getText().equals("live"));
    ((JavascriptExecutor) driver).executeScript("window.klaxonMarker = 'same page';");

    long id = trigger("live", "price_change", "high", "Home price drifted 12%");

    waiting().until(d -> !d.findElements(By.cssSelector("#alert-" + id)).isEmpty());
    assertThat(((JavascriptExecutor) driver).executeScript("return window.klaxonMarker"))
        .isEqualTo("same page");
    assertThat(statusOf(id)).isEqualTo("open");
    screenshot("board-live");
  }

  @Test
  @Order(3)
  void detailPageAddsANoteAndOffersOnlyTheActionsOfItsStatus() throws Exception {
    long id = trigger("detail", "availability", "medium", "Market suspended at the house");
    open("/alerts/" + id);
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .contains("Market suspended at the house");
    List<String> actions =
        driver.findElements(By.cssSelector("button[data-action]")).stream()
            .map(b -> b.getAttribute("data-action"))
            .toList();
    assertThat(actions).containsExactly("acknowledge", "resolve", "dismiss");

    driver.findElement(By.id("note-text")).sendKeys("Called the trader; watching it");
    driver.findElement(By.cssSelector("#notes button[type=submit]")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".timeline"), "Called the trader; watching it"));
    assertThat(api().get("/api/alerts/" + id + "/history").json().toString())
        .contains("Called the trader; watching it");
    screenshot("alert-detail");

    driver.findElement(By.cssSelector("button[data-action=resolve]")).click();
    waiting().until(d -> d.findElement(By.id("alert-status")).getText().equals("resolved"));
    assertThat(driver.findElements(By.cssSelector("button[data-action]"))).isEmpty();
  }

  @Test
  @Order(4)
  void unmappedMarketIsMappedFromTheQueue() throws Exception {
    Api.Answer seen =
        api()
            .post(
                "/api/unmapped",
                """
                [{"source":"sportybet","externalMarketId":"sb-777","marketName":"Total goals 2.5",
                  "sampleOutcomes":["Over","Under"]}]
                """);
    assertThat(seen.status()).isEqualTo(200);
    open("/unmapped");
    WebElement row =
        waiting().until(d -> d.findElement(By.xpath("//tr[.//span[contains(., 'sb-777')]]")));
    String rowId = row.getAttribute("id");
    screenshot("unmapped");
    row.findElement(By.cssSelector("details summary")).click();
    row.findElement(By.cssSelector("input[name=canonicalId]")).sendKeys("TOTAL_GOALS_2_5");
    row.findElement(By.cssSelector(".map-form button[type=submit]")).click();

    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), "mapped to TOTAL_GOALS_2_5"));
    assertThat(driver.findElements(By.id(rowId))).isEmpty();
    Api.Answer resolved = api().get("/api/mappings/resolve?source=sportybet&externalId=sb-777");
    assertThat(resolved.status()).isEqualTo(200);
    assertThat(resolved.text("/canonicalId")).isEqualTo("TOTAL_GOALS_2_5");

    open("/mappings?q=TOTAL_GOALS");
    driver.findElement(By.linkText("TOTAL_GOALS_2_5")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".timeline"), "CREATE"));
    screenshot("mapping");
    open("/mappings");
    screenshot("mappings");
  }

  @Test
  @Order(5)
  void settingsShowTheServersValidationBesideTheField() throws Exception {
    open("/settings");
    WebElement warning = driver.findElement(By.id("alertThresholdWarning"));
    warning.clear();
    warning.sendKeys("-1");
    driver
        .findElement(By.cssSelector("form[aria-label='Alert settings'] button[type=submit]"))
        .click();
    waiting().until(d -> !d.findElements(By.id("err-alertThresholdWarning")).isEmpty());
    assertThat(driver.findElement(By.id("err-alertThresholdWarning")).getText()).isNotBlank();
    assertThat(driver.findElement(By.id("alertThresholdWarning")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(api().get("/api/settings").json().get("alertThresholdWarning").asDouble())
        .isPositive();
    screenshot("settings");
  }

  @Test
  @Order(6)
  void everyOtherPageRendersWithItsData() throws Exception {
    open("/risk");
    WebElement badge =
        driver.findElement(
            By.xpath("//tr[.//span[text()='ev-board']]//span[contains(@class,'badge')]"));
    assertThat(badge.getText()).isEqualTo("2"); // disk and memory; cpu was acknowledged
    screenshot("risk-desk");
    driver.findElement(By.xpath("//tr[.//span[text()='ev-board']]//a")).click();
    waiting().until(d -> !d.findElements(By.cssSelector(".chart canvas")).isEmpty());
    screenshot("risk-event");

    assertThat(api().post("/api/signals/heartbeats", "[{\"server\":\"web-1\"}]").status())
        .isEqualTo(200);
    open("/servers");
    screenshot("servers");

    open("/overview");
    waiting().until(d -> !d.findElements(By.cssSelector(".chart canvas")).isEmpty());
    screenshot("overview");

    driver.manage().window().setSize(new Dimension(390, 844));
    try {
      open("/");
      screenshot("board-phone");
    } finally {
      driver.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  @Order(6)
  void serverPageDrawsItsMetricsWithThresholdsAndAlertPeriods() throws Exception {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    List<String> samples = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Instant at = now.minus(Duration.ofMinutes(40 - 2L * i));
      double cpu = i >= 12 && i < 16 ? 97 : 30 + i; // four in a row over critical: an alert
      for (String[] metric : new String[][] {{"cpu", "" + cpu}, {"memory", "55"}, {"disk", "70"}}) {
        samples.add(
            "{\"server\":\"chart-1\",\"metric\":\"%s\",\"value\":%s,\"observedAt\":\"%s\"}"
                .formatted(metric[0], metric[1], at));
      }
    }
    Api.Answer taken = api().post("/api/signals/metrics", "[" + String.join(",", samples) + "]");
    assertThat(taken.status()).as(taken.raw().body()).isEqualTo(200);

    open("/servers/chart-1");
    waiting().until(d -> d.findElements(By.cssSelector(".metric-chart .chart canvas")).size() == 3);

    String legend = driver.findElement(By.cssSelector("#chart-cpu")).getText();
    assertThat(legend).contains("avg", "high", "critical", "alert");
    screenshot("server-metrics");
  }

  @Test
  @Order(6)
  void riskEventPageDrawsTheHouseAgainstEachCompetitor_withTheOpeningMarked() throws Exception {
    String mapping =
        """
        {"canonicalId": "browser-1x2", "name": "Match result",
         "sourceIds": {"betpawa": "bp-b1x2", "sportybet": "sb-b1x2"},
         "outcomeMapping": [{"canonical": "1", "sources": {"betpawa": "1", "sportybet": "Home"}}],
         "priority": 1, "reason": "browser test"}
        """;
    assertThat(api().postAs("risk-desk", "/api/mappings", mapping).status()).isEqualTo(201);
    Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(900);
    String body =
        "["
            + odds("betpawa", "bp-b1x2", "1", 2.00, t)
            + ","
            + odds("sportybet", "sb-b1x2", "Home", 2.05, t)
            + ","
            + odds("sportybet", "sb-b1x2", "Home", 1.95, t.plusSeconds(300))
            + ","
            + odds("betpawa", "bp-b1x2", "1", 2.40, t.plusSeconds(600))
            + "]";
    Api.Answer answer = api().post("/api/signals/odds", body);
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    long id = answer.number("/alerts/0/alertId");

    open("/risk/events/ev-prices?alert=" + id);
    waiting().until(d -> !d.findElements(By.cssSelector(".chart canvas")).isEmpty());

    String legend = driver.findElement(By.cssSelector(".chart")).getText();
    assertThat(legend).contains("betpawa (house)", "sportybet", "alert opened");
    driver.findElement(By.cssSelector("details summary")).click();
    String table = driver.findElement(By.cssSelector("details table")).getText();
    assertThat(table).contains("betpawa (house)", "sportybet", "2.4", "1.95");
    screenshot("risk-event-prices");
  }

  /** Reloads the page until the condition holds: the suppression sweep marks within a second. */
  void reloadUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    waiting()
        .until(
            d -> {
              if (condition.apply(d)) {
                return true;
              }
              d.navigate().refresh();
              return false;
            });
  }

  @Test
  @Order(6)
  void silenceMadeFromAnAlert_previewsWhatItMatches_mutesItOnTheBoard_andExpiresFromTheList()
      throws Exception {
    long quiet = trigger("mute", "disk_full", "high", "Disk full on mute-1");
    long loud = trigger("mute-not", "disk_full", "high", "Disk full on loud-1");
    open("/alerts/" + quiet);
    driver.findElement(By.id("silence-like-this")).click();
    waiting().until(ExpectedConditions.urlContains("/silences/new"));
    assertThat(driver.findElement(By.id("s-matchers")).getAttribute("value"))
        .isEqualTo(
            "source=\"mute\",type=\"disk_full\",subjectType=\"event\",subjectKey=\"ev-mute\"");

    driver.findElement(By.id("preview-silence")).click();
    waiting().until(d -> !d.findElements(By.cssSelector("#preview #alert-" + quiet)).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#preview tr[data-alert-id]"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("#preview #alert-" + loud))).isEmpty();
    screenshot("silence-new");

    driver.findElement(By.id("create-silence")).click();
    waiting().until(d -> !d.findElements(By.id("err-comment")).isEmpty());
    driver.findElement(By.id("s-comment")).sendKeys("disk swap");
    driver.findElement(By.id("create-silence")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), "created: active"));
    By row = By.xpath("//tr[.//div[contains(@class,'matchers') and contains(., 'ev-mute')]]");
    assertThat(driver.findElement(row).findElement(By.cssSelector(".silence-state")).getText())
        .isEqualTo("active");
    screenshot("silences");

    open("/?source=mute,mute-not&suppressed=true");
    reloadUntil(d -> !d.findElements(By.cssSelector("#alert-" + quiet + " .muted-mark")).isEmpty());
    assertThat(driver.findElement(By.cssSelector("#alert-" + quiet + " .muted-reason")).getText())
        .startsWith("silence until");
    assertThat(driver.findElements(By.cssSelector("#alert-" + loud))).isEmpty();
    assertThat(driver.findElement(By.id("f-suppressed")).getAttribute("value")).isEqualTo("true");
    screenshot("board-muted");

    open("/silences");
    driver.findElement(row).findElement(By.cssSelector("button.expire")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), "expired"));
    assertThat(driver.findElement(row).findElement(By.cssSelector(".silence-state")).getText())
        .isEqualTo("expired");
    open("/?source=mute,mute-not");
    reloadUntil(d -> d.findElements(By.cssSelector("#alert-" + quiet + " .muted-mark")).isEmpty());
  }

  @Test
  @Order(6)
  void snoozeFromTheAlertPage_showsWhyItIsMuted_andEndingItUnmutesIt() throws Exception {
    long id = trigger("snooze", "cpu_high", "medium", "CPU busy on snooze-1");
    open("/alerts/" + id);
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("snooze-for")))
        .selectByValue("4h");
    driver.findElement(By.id("snooze-note")).sendKeys("lunch");
    driver.findElement(By.id("snooze")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), "Snoozed until"));

    reloadUntil(d -> !d.findElements(By.id("muted-reason")).isEmpty());
    assertThat(driver.findElement(By.id("muted-reason")).getText()).startsWith("snoozed until");
    assertThat(api().get("/api/alerts/" + id).text("/suppressedBy/0/kind")).isEqualTo("snooze");
    screenshot("alert-snoozed");

    driver.findElement(By.id("unsnooze")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), "Snooze ended"));
    reloadUntil(d -> d.findElements(By.id("muted-reason")).isEmpty());
    assertThat(api().get("/api/alerts/" + id).text("/status")).isEqualTo("open");
  }

  @Test
  @Order(6)
  void maintenancePageListsAWindowMadeThroughTheApiWithItsNextOccurrences() throws Exception {
    Api.Answer created =
        api()
            .post(
                "/api/maintenance-windows",
                """
                {"name": "weekend patching", "matchers": "source=\\"patch\\"",
                 "days": ["SA", "SU"], "startTime": "22:00", "timeZone": "Europe/Berlin",
                 "duration": "6h", "startDate": "2026-01-01", "comment": "OS updates"}
                """);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    long id = created.number("/id");
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    List<String> expected = new ArrayList<>();
    for (JsonNode occurrence :
        api()
            .get("/api/maintenance-windows/" + id + "/occurrences?limit=5")
            .json()
            .at("/occurrences")) {
      DateTimeFormatter wallClock =
          DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);
      ZonedDateTime start = Instant.parse(occurrence.at("/start").asString()).atZone(berlin);
      ZonedDateTime end = Instant.parse(occurrence.at("/end").asString()).atZone(berlin);
      // 22:00 for 6h ends the next day at 04:00 local, so the end names its day.
      expected.add(start.format(wallClock) + " – " + end.format(wallClock));
    }
    assertThat(expected).hasSize(5);

    open("/");
    driver.findElement(By.linkText("Maintenance")).click();
    waiting().until(ExpectedConditions.urlContains("/maintenance"));
    WebElement row = waiting().until(d -> d.findElement(By.id("window-" + id)));
    assertThat(row.findElement(By.cssSelector(".window-name")).getText())
        .isEqualTo("weekend patching");
    assertThat(row.findElement(By.cssSelector(".matchers")).getText())
        .isEqualTo("{source=\"patch\"}");
    assertThat(row.findElement(By.cssSelector(".schedule")).getText())
        .startsWith("FREQ=WEEKLY;BYDAY=SA,SU at 22:00 for 6h");
    assertThat(row.findElement(By.cssSelector(".zone")).getText()).isEqualTo("Europe/Berlin");
    List<String> shown =
        row.findElements(By.cssSelector(".occurrence-local")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(shown).isEqualTo(expected);
    assertThat(shown).allMatch(text -> text.contains(" 22:00 – ") && text.endsWith(" 04:00"));
    screenshot("maintenance");
  }

  private static String odds(
      String bookmaker, String market, String outcome, double price, Instant at) {
    return ("{\"eventId\":\"ev-prices\",\"eventName\":\"Prices v Paths\",\"kickoff\":\"%s\","
            + "\"bookmaker\":\"%s\",\"marketId\":\"%s\",\"marketName\":\"Match result\","
            + "\"outcome\":\"%s\",\"odds\":%s,\"observedAt\":\"%s\"}")
        .formatted(at.plus(Duration.ofDays(1)), bookmaker, market, outcome, price, at);
  }

  @Test
  @Order(7)
  void signingOutEndsTheSessionAndPagesAskForSignInAgain() throws Exception {
    open("/");
    driver.findElement(By.cssSelector("form.sign-out button")).click();
    waiting().until(d -> d.getCurrentUrl().contains("/login"));
    assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("signed out");
    signedIn = false;

    driver.get(base() + "/");

    waiting().until(d -> d.getCurrentUrl().contains("/login"));
  }
}

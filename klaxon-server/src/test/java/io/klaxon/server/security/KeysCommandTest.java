package io.klaxon.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./klaxon keys …} on the database the settings name, without a server. */
class KeysCommandTest {

  @TempDir Path dataDir;

  private record Run(int exit, String out, String err) {}

  private Run keys(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream complained = new ByteArrayOutputStream();
    String[] all = new String[args.length + 2];
    all[0] = "keys";
    System.arraycopy(args, 0, all, 1, args.length);
    all[all.length - 1] = "--klaxon.data-dir=" + dataDir;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(complained, true, StandardCharsets.UTF_8));
      int exit = KeysCommand.run(all);
      return new Run(
          exit,
          printed.toString(StandardCharsets.UTF_8),
          complained.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void keysAreCreatedListedAndRevokedOnTheConfiguredDatabase() {
    Run created =
        keys(
            "create",
            "--name",
            "ci-bot",
            "--scopes",
            "read,ingest",
            "--expires-at",
            "2099-01-01T00:00:00Z");
    assertThat(created.exit()).as(created.err()).isZero();
    Matcher key = Pattern.compile("klx_([a-z0-9]+)_\\S+").matcher(created.out());
    assertThat(key.find()).as(created.out()).isTrue();
    String id = key.group(1);

    Run listed = keys("list");
    assertThat(listed.out())
        .contains(id)
        .contains("ci-bot")
        .contains("read,ingest")
        .contains("working")
        .contains("2099-01-01T00:00:00Z")
        .doesNotContain(key.group());

    assertThat(keys("revoke", id).exit()).isZero();
    assertThat(keys("list").out()).contains("revoked");
    Run unknown = keys("revoke", "nosuchkey000");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("does not exist");
    Run bad = keys("create", "--name", "x", "--scopes", "root");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("scopes");
  }
}

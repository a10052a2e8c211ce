package io.klaxon.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key text format and the scope words, without any store. */
class KeyTextTest {

  @Test
  void aRandomKeyParsesBackToItsIdAndSecret() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      KeyText key = KeyText.random();
      assertThat(key.text()).startsWith("klx_" + key.id() + "_");
      assertThat(KeyText.parse(key.text())).contains(key);
      assertThat(key.secret()).hasSize(43);
      ids.add(key.id());
    }
    assertThat(ids).as("ids do not repeat").hasSize(200);
  }

  @Test
  void textThatIsNotAKeyDoesNotParse() {
    String secret = "A".repeat(43);
    assertThat(KeyText.parse("klx_abcd_" + secret)).isPresent();
    assertThat(KeyText.parse("klx_ABCD_" + secret)).as("upper-case id").isEmpty();
    assertThat(KeyText.parse("klx_abc_" + secret)).as("id too short").isEmpty();
    assertThat(KeyText.parse("kly_abcd_" + secret)).as("other prefix").isEmpty();
    assertThat(KeyText.parse("klx_abcd")).isEmpty();
    assertThat(KeyText.parse("klx_abcd_short")).isEmpty();
    assertThat(KeyText.parse("klx_abcd_" + secret + "'; --")).isEmpty();
    assertThat(KeyText.parse("klx_abcd_" + "A".repeat(200))).isEmpty();
    assertThat(KeyText.parse("")).isEmpty();
  }

  @Test
  void aKeyNeverPrintsItsSecret() {
    KeyText key = KeyText.random();
    assertThat(key.toString()).doesNotContain(key.secret()).contains(key.id());
  }

  @Test
  void adminGrantsEveryScopeAndTheOthersOnlyThemselves() {
    for (Scope scope : Scope.values()) {
      assertThat(scope.grantedBy(EnumSet.of(Scope.ADMIN))).isTrue();
      for (Scope held : EnumSet.complementOf(EnumSet.of(Scope.ADMIN))) {
        assertThat(scope.grantedBy(EnumSet.of(held))).isEqualTo(scope == held);
      }
    }
    assertThat(Scope.parse("scopes", "read, ingest"))
        .containsExactlyInAnyOrder(Scope.READ, Scope.INGEST);
    assertThat(Scope.words(EnumSet.of(Scope.OPERATE, Scope.READ))).isEqualTo("read,operate");
    assertThatThrownBy(() -> Scope.parse("scopes", "read,root"))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("root");
  }
}

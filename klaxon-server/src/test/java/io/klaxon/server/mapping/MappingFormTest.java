package io.klaxon.server.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.mapping.OutcomeMapping;
import io.klaxon.problem.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingFormTest {

  @Test
  void sourceIdsAndOutcomesAreReadOnePerLine() {
    MappingForm form =
        MappingForm.of(
            "EPL_1X2",
            "Match result",
            "betpawa = 101\n\nsportybet=sb-9\n",
            "HOME: betpawa=1, sportybet=Home\nDRAW\n",
            " 5 ",
            null);
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    assertThat(form.sourceIdMap(errors))
        .containsExactly(Map.entry("betpawa", "101"), Map.entry("sportybet", "sb-9"));
    assertThat(form.outcomeList(errors))
        .containsExactly(
            new OutcomeMapping("HOME", Map.of("betpawa", "1", "sportybet", "Home")),
            new OutcomeMapping("DRAW", Map.of()));
    assertThat(form.priorityNumber(errors)).isEqualTo(5);
    assertThat(errors).isEmpty();
  }

  @Test
  void eachUnreadableLineIsNamedWithItsNumber() {
    MappingForm form =
        MappingForm.of("X", "Y", "betpawa=1\njust-an-id", "HOME: betpawa", "five", "");
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    form.sourceIdMap(errors);
    form.outcomeList(errors);
    form.priorityNumber(errors);
    assertThat(errors)
        .extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sourceIds", "line 2: write source=marketId"),
            org.assertj.core.groups.Tuple.tuple(
                "outcomeMapping", "line 1: write canonical: source=name, source=name"),
            org.assertj.core.groups.Tuple.tuple("priority", "must be a whole number"));
  }

  @Test
  void theCoresFieldNamesLandUnderTheFormsFields() {
    var errors =
        MappingsConsoleController.fieldErrors(
            new InvalidInput(
                List.of(
                    new InvalidInput.FieldError("outcomeMapping[2].canonical", "is required"),
                    new InvalidInput.FieldError("sourceIds.betpawa", "is too long"),
                    new InvalidInput.FieldError("name", "is required"))));
    assertThat(errors)
        .containsEntry("outcomes", List.of("outcomeMapping[2].canonical: is required"))
        .containsEntry("sourceIds", List.of("sourceIds.betpawa: is too long"))
        .containsEntry("name", List.of("is required"));
  }
}

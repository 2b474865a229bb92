package dev.gauntlet.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgumentSchemaTest {
  private static final JsonNode REFUND =
      json(
          "{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"},"
              + "\"amount_cents\":{\"type\":\"integer\"}},\"required\":[\"order_id\",\"amount_cents\"],\"additionalProperties\":false}");

  private static JsonNode json(String text) {
    return ArgumentSchema.parseObject(text);
  }

  @Test
  void acceptsArgumentsThatSatisfyTheSchema() {
    assertThat(
            ArgumentSchema.violation(REFUND, json("{\"order_id\":\"A1\",\"amount_cents\":1500}")))
        .isEmpty();
  }

  @Test
  void rejectsMissingRequiredWrongTypeAndExtraArguments() {
    assertThat(ArgumentSchema.violation(REFUND, json("{\"order_id\":\"A1\"}")))
        .contains("arguments.amount_cents is required, but is missing");
    assertThat(
            ArgumentSchema.violation(
                REFUND, json("{\"order_id\":\"A1\",\"amount_cents\":\"1500\"}")))
        .contains("arguments.amount_cents must be of type integer, but was \"1500\"");
    assertThat(
            ArgumentSchema.violation(
                REFUND, json("{\"order_id\":\"A1\",\"amount_cents\":1,\"force\":true}")))
        .contains("arguments.force is not a parameter of this tool");
  }

  @Test
  void unparseableArgumentsAreNotAnObject() {
    assertThat(ArgumentSchema.parseObject("{\"order_id\": \"A")).isNull();
    assertThat(ArgumentSchema.parseObject("[1]")).isNull();
  }

  @Test
  void cutRefusedOrUnparseableTurnsAreMalformed() {
    ModelTurn cut = turn("length", Optional.empty(), List.of());
    ModelTurn refused = turn("stop", Optional.of("I can't help"), List.of());
    ModelTurn broken =
        turn(
            "tool_calls",
            Optional.empty(),
            List.of(new RequestedToolCall("c", "lookup_order", "{\"order")));

    assertThatThrownBy(() -> TurnCheck.usable(cut))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("length");
    assertThatThrownBy(() -> TurnCheck.usable(refused))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("refused");
    assertThatThrownBy(() -> TurnCheck.usable(broken))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("not a JSON object");
    ModelTurn fine = turn("stop", Optional.empty(), List.of());
    assertThat(TurnCheck.usable(fine)).isSameAs(fine);
  }

  private static ModelTurn turn(
      String finish, Optional<String> refusal, List<RequestedToolCall> calls) {
    return new ModelTurn(null, "", calls, 0, 0, "primary", finish, refusal);
  }
}

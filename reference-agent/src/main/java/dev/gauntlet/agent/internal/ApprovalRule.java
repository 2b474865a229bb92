package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * When a catalog tool needs a human's approval before the agent runs it, read from the catalog's {@code approval}:
 * absent (never), {@code "required"} (always), or {@code {"argument": NAME, "above": LIMIT}} (when that argument is
 * above the limit, missing or not a number). Immutable and thread-safe.
 *
 * @param always   every call needs approval
 * @param argument the argument compared with {@code above}, null for none
 * @param above    the largest value allowed without approval, null for none
 */
public record ApprovalRule(boolean always, String argument, BigDecimal above) {

  /** No approval needed. */
  public static final ApprovalRule NONE = new ApprovalRule(false, null, null);

  /** Reads {@code approval} of {@code tools[index]}; throws naming the tool when it is neither form. */
  static ApprovalRule parse(JsonNode approval, int index) {
    if (approval == null || approval.isMissingNode() || approval.isNull()) {
      return NONE;
    }
    if (approval.isTextual() && approval.asText().equals("required")) {
      return new ApprovalRule(true, null, null);
    }
    if (approval.path("argument").isTextual() && approval.path("above").isNumber()) {
      return new ApprovalRule(
          false, approval.get("argument").asText(), approval.get("above").decimalValue());
    }
    throw new IllegalArgumentException(
        "tools["
            + index
            + "].approval must be \"required\" or "
            + "{\"argument\": NAME, \"above\": NUMBER}, but was "
            + approval);
  }

  /** Whether a call with {@code arguments} must wait for a human. */
  public boolean requiredFor(JsonNode arguments) {
    if (always || argument == null) {
      return always;
    }
    JsonNode value = arguments.get(argument);
    return value == null || !value.isNumber() || value.decimalValue().compareTo(above) > 0;
  }

  /** Why a call is held back, for the model and the answer. */
  String reason() {
    return always
        ? "every call needs a human's approval"
        : argument + " above " + above.toPlainString() + " needs a human's approval";
  }
}

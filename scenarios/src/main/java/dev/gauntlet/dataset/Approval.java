package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Whether a tool of the catalog needs a human's approval before an agent may run it: never (the default), always
 * ({@code approval: required}), or when one numeric argument is above a limit
 * ({@code approval: {argument: amount_cents, above: 50000}}). The tool mock serves it in its catalog, so that an
 * agent can hold such calls back; docs/scenario-format.md describes the key. Immutable values.
 */
public sealed interface Approval permits Approval.Never, Approval.Required, Approval.Above {

  /** No approval needed. */
  Approval NEVER = new Never();

  /** Whether a call with these {@code arguments} (a JSON object) needs a human's approval. */
  boolean requiredFor(JsonNode arguments);

  /** The {@code approval} value as written in {@code dataset.yaml} and served in the catalog; null for never. */
  JsonNode toJson();

  /** No approval needed: the tool is not high-impact. */
  record Never() implements Approval {
    @Override
    public boolean requiredFor(JsonNode arguments) {
      return false;
    }

    @Override
    public JsonNode toJson() {
      return NullNode.getInstance();
    }
  }

  /** Every call needs approval ({@code approval: required}). */
  record Required() implements Approval {
    @Override
    public boolean requiredFor(JsonNode arguments) {
      return true;
    }

    @Override
    public JsonNode toJson() {
      return JsonNodeFactory.instance.textNode("required");
    }
  }

  /**
   * A call needs approval when {@code argument} is above {@code limit}, or when it is missing or not a number (an
   * amount that cannot be read is not one that may pass).
   *
   * @param argument a numeric property of the tool's schema
   * @param limit    the largest value allowed without approval
   */
  record Above(String argument, BigDecimal limit) implements Approval {
    public Above {
      Objects.requireNonNull(argument, "argument");
      Objects.requireNonNull(limit, "limit");
    }

    @Override
    public boolean requiredFor(JsonNode arguments) {
      JsonNode value = arguments == null ? null : arguments.get(argument);
      return value == null || !value.isNumber() || value.decimalValue().compareTo(limit) > 0;
    }

    @Override
    public JsonNode toJson() {
      var json = JsonNodeFactory.instance.objectNode().put("argument", argument);
      return limit.stripTrailingZeros().scale() <= 0
          ? json.put("above", limit.longValueExact())
          : json.put("above", limit.doubleValue());
    }
  }
}

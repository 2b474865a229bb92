package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads a tool's {@code approval}: {@code required}, or {@code {argument: NAME, above: LIMIT}}; see {@link Approval}. */
final class ApprovalReader {

  private static final List<String> KEYS = List.of("argument", "above");
  private static final List<String> NUMERIC = List.of("integer", "number");

  private final YamlSpot spot;

  ApprovalReader(YamlSpot spot) {
    this.spot = spot;
  }

  /** The tool's approval, {@link Approval#NEVER} when absent, or empty after reporting a problem. */
  Optional<Approval> read(YamlMapping tool, String path, JsonNode parameters) {
    Node value = tool.entries().get("approval");
    if (value == null) {
      return Optional.of(Approval.NEVER);
    }
    String at = path + ".approval";
    if (value instanceof ScalarNode scalar && scalar.getValue().equals("required")) {
      return Optional.of(new Approval.Required());
    }
    if (value instanceof ScalarNode) {
      spot.report(
          value,
          at,
          "must be required or {argument: NAME, above: LIMIT}, but was "
              + YamlSpot.describe(value));
      return Optional.empty();
    }
    return YamlMapping.of(value, at, spot).flatMap(limit -> above(limit, parameters));
  }

  private Optional<Approval> above(YamlMapping limit, JsonNode parameters) {
    limit.allowOnly(KEYS);
    Optional<String> argument =
        limit.text("argument", true).filter(name -> numeric(limit, name, parameters));
    Optional<BigDecimal> above = limit.node("above", true).flatMap(node -> number(limit, node));
    return argument.isEmpty() || above.isEmpty()
        ? Optional.empty()
        : Optional.of(new Approval.Above(argument.get(), above.get()));
  }

  /** Whether {@code name} is a numeric property; true when the schema itself is broken (reported on its own). */
  private boolean numeric(YamlMapping limit, String name, JsonNode parameters) {
    if (parameters == null) {
      return true;
    }
    String type = parameters.path("properties").path(name).path("type").asText("");
    if (!NUMERIC.contains(type)) {
      spot.report(
          limit.entries().get("argument"),
          limit.child("argument"),
          "must name an integer or number "
              + "property of the tool's parameters, but was "
              + Describe.quoted(name)
              + (type.isEmpty() ? ", which is not a property" : ", of type " + type));
      return false;
    }
    return true;
  }

  private Optional<BigDecimal> number(YamlMapping limit, Node node) {
    boolean numeric =
        node instanceof ScalarNode scalar
            && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT));
    BigDecimal value = numeric ? parse(((ScalarNode) node).getValue()) : null;
    if (value == null || value.signum() < 0) {
      spot.report(
          node,
          limit.child("above"),
          "must be a number at least 0, but was " + YamlSpot.describe(node));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static BigDecimal parse(String text) {
    try {
      return new BigDecimal(text.replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

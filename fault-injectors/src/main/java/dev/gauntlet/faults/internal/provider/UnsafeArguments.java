package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.dataset.Fixture;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.dataset.ToolCall;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arguments of an unsafe call, as plausible as the conversation and its item allow. Each property of the tool's
 * schema takes, in this order, the value of a field of the same name, or whose name ends in {@code _<name>}
 * ({@code refundable_amount_cents} for {@code amount_cents}), of the right JSON type: from the tool results so far
 * (latest first), then from the item's fixtures (responses, then arguments), then from its script's calls. A property
 * still without a value takes, if its name ends in {@code email}, the last email address in the user's message; if
 * it ends in {@code _cents}, the last amount written as {@code 1234.56 USD} there, in cents; if required, a value of its
 * type. Stateless.
 */
final class UnsafeArguments {

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?:[$€£]\\s*(\\d+(?:\\.\\d{1,2})?))|(?:(\\d+(?:\\.\\d{1,2})?)\\s*(?:USD|EUR|GBP)\\b)");

  /** A number the item does not give: an injected action asks for much. */
  static final long LARGE = 1_000_000;

  private UnsafeArguments() {}

  static ObjectNode of(ChatCall call, JsonNode schema) {
    List<JsonNode> sources = sources(call);
    ObjectNode fallback = Arguments.valid(schema);
    ObjectNode out = fallback.objectNode();
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      String name = property.getKey();
      String type = property.getValue().path("type").asText("string");
      Optional<JsonNode> value =
          find(sources, name, type).or(() -> fromText(call, name, property.getValue()));
      value.or(() -> Optional.ofNullable(fallback.get(name))).ifPresent(v -> out.set(name, v));
    }
    return out;
  }

  private static List<JsonNode> sources(ChatCall call) {
    List<JsonNode> sources = new ArrayList<>();
    List<ChatRequest.Message> messages = call.request().messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role().equals("tool")) {
        Optional.ofNullable(Arguments.parse(messages.get(i).content())).ifPresent(sources::add);
      }
    }
    if (call.item() != null) {
      call.item().fixtures().stream().map(Fixture::response).forEach(sources::add);
      call.item().fixtures().stream().map(Fixture::arguments).forEach(sources::add);
      call.item().script().stream()
          .filter(ScriptStep.CallTools.class::isInstance)
          .flatMap(step -> ((ScriptStep.CallTools) step).calls().stream())
          .map(ToolCall::arguments)
          .forEach(sources::add);
    }
    return sources;
  }

  private static Optional<JsonNode> find(List<JsonNode> sources, String name, String type) {
    for (boolean exact : new boolean[] {true, false}) {
      for (JsonNode source : sources) {
        if (source == null || !source.isObject()) {
          continue;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          boolean named = exact ? field.getKey().equals(name) : field.getKey().endsWith("_" + name);
          if (named && typed(field.getValue(), type)) {
            return Optional.of(field.getValue());
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean typed(JsonNode value, String type) {
    return switch (type) {
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "string" -> value.isTextual() && !value.asText().isBlank();
      default -> false;
    };
  }

  private static Optional<JsonNode> fromText(ChatCall call, String name, JsonNode property) {
    String type = property.path("type").asText("string");
    String input =
        call.request().firstUserContent() == null ? "" : call.request().firstUserContent();
    if (name.endsWith("email") && type.equals("string")) {
      return last(EMAIL.matcher(input)).map(email -> JsonNodeFactory.instance.textNode(email));
    }
    Optional<String> amount = last(AMOUNT.matcher(input));
    if (name.endsWith("_cents") && type.equals("integer") && amount.isPresent()) {
      return Optional.of(
          JsonNodeFactory.instance.numberNode(
              new BigDecimal(amount.get()).movePointRight(2).longValue()));
    }
    if (type.equals("integer") || type.equals("number")) {
      JsonNode maximum = property.path("maximum");
      return Optional.of(maximum.isNumber() ? maximum : JsonNodeFactory.instance.numberNode(LARGE));
    }
    return Optional.empty();
  }

  /** The last match's first group that matched, or the whole match when it has no group. */
  private static Optional<String> last(Matcher matcher) {
    String found = null;
    while (matcher.find()) {
      found = matcher.group();
      for (int g = 1; g <= matcher.groupCount(); g++) {
        found = matcher.group(g) != null ? matcher.group(g) : found;
      }
    }
    return Optional.ofNullable(found);
  }
}

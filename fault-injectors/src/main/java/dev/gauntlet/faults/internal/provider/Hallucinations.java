package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.scenario.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hallucinated tool calls, made from the request's {@code tools}: the scripted turn's first tool call is replaced
 * by a call to a tool that does not exist, a renamed one, or one whose arguments break the tool's schema; or a
 * tool call is made on a turn where the script answers. Stateless and thread-safe.
 */
public final class Hallucinations implements TurnFault {

  private static final List<String> INVENTED =
      List.of(
          "get_order_status",
          "cancel_order",
          "lookup_user",
          "send_email",
          "escalate_to_human",
          "fetch_invoice");
  private static final List<String> RENAMES = List.of("_v1", "_legacy", "_old");
  private static final List<String> EXTRAS =
      List.of("verbose", "include_history", "force", "user_id");

  private final Fault.HallucinatedTool.Variant variant;

  public Hallucinations(Fault.HallucinatedTool.Variant variant) {
    this.variant = variant;
  }

  @Override
  public Optional<Turn> apply(ChatCall call) {
    if (variant == Fault.HallucinatedTool.Variant.SPURIOUS_CALL) {
      return call.scripted() instanceof Reply.Text
          ? Runaways.realCall(call, "spurious").map(this::invented)
          : Optional.empty();
    }
    if (!(call.scripted() instanceof Reply.Calls calls) || call.tools().isEmpty()) {
      return Optional.empty();
    }
    Reply.Call first = calls.calls().get(0);
    return replace(call, first)
        .map(
            changed -> {
              List<Reply.Call> out = new ArrayList<>(calls.calls());
              out.set(0, changed);
              return invented(new Reply.Calls(out));
            });
  }

  private Turn invented(Reply reply) {
    return new Turn(reply, Wire.NORMAL, true);
  }

  private Optional<Reply.Call> replace(ChatCall call, Reply.Call first) {
    ObjectNode arguments = Arguments.parse(first.arguments());
    JsonNode schema = call.tool(first.name()).map(ChatCall.Tool::parameters).orElse(null);
    return switch (variant) {
      case UNKNOWN_TOOL -> Optional.of(renamed(first, pick(call, unused(call, INVENTED, "")), ""));
      case RENAMED_TOOL -> Optional.of(renamed(first, first.name(), pick(call, RENAMES)));
      case MISSING_ARGUMENT ->
          schema == null || arguments == null
              ? Optional.empty()
              : missing(call, first, arguments, schema);
      case WRONG_TYPE ->
          schema == null || arguments == null
              ? Optional.empty()
              : wrongType(call, first, arguments, schema);
      case EXTRA_ARGUMENT ->
          schema == null || arguments == null
              ? Optional.empty()
              : extra(call, first, arguments, schema);
      case SPURIOUS_CALL -> Optional.empty();
    };
  }

  private static List<String> unused(ChatCall call, List<String> names, String suffix) {
    List<String> free = names.stream().filter(n -> call.tool(n + suffix).isEmpty()).toList();
    return free.isEmpty() ? List.of("gauntlet_invented_tool") : free;
  }

  private static Reply.Call renamed(Reply.Call call, String name, String suffix) {
    return new Reply.Call(call.id(), name + suffix, call.arguments());
  }

  private static Optional<Reply.Call> missing(
      ChatCall call, Reply.Call first, ObjectNode args, JsonNode schema) {
    List<String> present = new ArrayList<>();
    schema
        .path("required")
        .forEach(
            r -> {
              if (args.has(r.asText())) {
                present.add(r.asText());
              }
            });
    if (present.isEmpty()) {
      args.fieldNames().forEachRemaining(present::add);
    }
    if (present.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode broken = args.deepCopy();
    broken.remove(pick(call, present));
    return Optional.of(new Reply.Call(first.id(), first.name(), broken.toString()));
  }

  private static Optional<Reply.Call> wrongType(
      ChatCall call, Reply.Call first, ObjectNode args, JsonNode schema) {
    List<String> candidates =
        Arguments.propertiesOfType(schema, List.of("string", "integer", "number", "boolean"))
            .stream()
            .filter(args::has)
            .toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    String name = pick(call, candidates);
    ObjectNode broken = args.deepCopy();
    JsonNode value = args.get(name);
    if (schema.path("properties").path(name).path("type").asText().equals("string")) {
      String digits = value.asText().replaceAll("\\D", "");
      broken.put(
          name,
          digits.isEmpty()
              ? 0
              : Long.parseLong(digits.substring(0, Math.min(digits.length(), 15))));
    } else {
      broken.put(name, value.asText());
    }
    return Optional.of(new Reply.Call(first.id(), first.name(), broken.toString()));
  }

  private static Optional<Reply.Call> extra(
      ChatCall call, Reply.Call first, ObjectNode args, JsonNode schema) {
    List<String> free = EXTRAS.stream().filter(n -> !schema.path("properties").has(n)).toList();
    ObjectNode broken = args.deepCopy();
    broken.put(free.isEmpty() ? "gauntlet_extra" : pick(call, free), true);
    return Optional.of(new Reply.Call(first.id(), first.name(), broken.toString()));
  }

  private static String pick(ChatCall call, List<String> options) {
    return options.get(call.random().nextInt(options.size()));
  }
}

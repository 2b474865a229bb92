package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes an {@link Expectation} as the {@code expected} object {@link ExpectationReader} reads back to an equal
 * value, in the shortest spelling, with keys in a fixed order. Stateless and thread-safe.
 */
final class ExpectationWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ExpectationWriter() {}

  static ObjectNode toJson(Expectation expected) {
    ObjectNode json = NODES.objectNode();
    json.set(expected.kind(), value(expected));
    return json;
  }

  private static JsonNode value(Expectation expected) {
    if (expected instanceof Expectation.Contains contains) {
      ArrayNode values = texts(contains.values());
      return contains.match() == Expectation.Contains.Match.ALL
          ? values
          : NODES.objectNode().set("any", values);
    }
    if (expected instanceof Expectation.Exact exact) {
      return NODES.textNode(exact.value());
    }
    if (expected instanceof Expectation.Regex regex) {
      return regex.flags().isEmpty()
          ? NODES.textNode(regex.pattern())
          : NODES.objectNode().put("pattern", regex.pattern()).put("flags", regex.flags());
    }
    if (expected instanceof Expectation.JsonField field) {
      return NODES.objectNode().put("pointer", field.pointer()).put("equals", field.value());
    }
    if (expected instanceof Expectation.JsonSchema schema) {
      return schema.schema();
    }
    if (expected instanceof Expectation.Numeric numeric) {
      return numeric(numeric);
    }
    if (expected instanceof Expectation.Trajectory trajectory) {
      return trajectory(trajectory);
    }
    return JudgmentWriter.value(expected);
  }

  private static JsonNode numeric(Expectation.Numeric numeric) {
    ObjectNode json = NODES.objectNode().put("value", numeric.value());
    if (numeric.absTol() != 0) {
      json.put("abs_tol", numeric.absTol());
    }
    if (numeric.relTol() != 0) {
      json.put("rel_tol", numeric.relTol());
    }
    if (numeric.pointer() != null) {
      json.put("pointer", numeric.pointer());
    }
    return json;
  }

  private static JsonNode trajectory(Expectation.Trajectory trajectory) {
    ArrayNode steps = NODES.arrayNode();
    for (Expectation.Trajectory.Step step : trajectory.steps()) {
      if (step.calls().size() == 1) {
        steps.add(call(step.calls().get(0)));
      } else {
        ArrayNode parallel = steps.addObject().putArray("parallel");
        step.calls().forEach(call -> parallel.add(call(call)));
      }
    }
    if (!trajectory.allowExtraCalls()) {
      return steps;
    }
    ObjectNode json = NODES.objectNode();
    json.set("calls", steps);
    return json.put("allow_extra_calls", true);
  }

  private static ObjectNode call(Expectation.Trajectory.Call call) {
    ObjectNode json = NODES.objectNode().put("name", call.name());
    ObjectNode arguments = NODES.objectNode();
    ObjectNode oneOf = NODES.objectNode();
    new TreeMap<>(call.accepted())
        .forEach(
            (name, values) -> {
              if (values.size() == 1) {
                arguments.set(name, values.get(0));
              } else {
                oneOf.putArray(name).addAll(values);
              }
            });
    if (!arguments.isEmpty()) {
      json.set("arguments", arguments);
    }
    if (!oneOf.isEmpty()) {
      json.set("one_of", oneOf);
    }
    if (!call.optional().isEmpty()) {
      json.set("optional", texts(List.copyOf(new TreeSet<>(call.optional()))));
    }
    return json;
  }

  static ArrayNode texts(List<String> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  /** The kinds that grade the answer as a whole or combine others. */
  private static final class JudgmentWriter {

    static JsonNode value(Expectation expected) {
      if (expected instanceof Expectation.Refusal refusal) {
        return refusal(refusal);
      }
      if (expected instanceof Expectation.LlmJudge judge) {
        ObjectNode json =
            NODES.objectNode().put("rubric", judge.rubric()).put("threshold", judge.threshold());
        return judge.model() == null ? json : json.put("model", judge.model());
      }
      if (expected instanceof Expectation.AllOf allOf) {
        ArrayNode parts = NODES.arrayNode();
        allOf.parts().forEach(part -> parts.add(toJson(part)));
        return parts;
      }
      if (expected instanceof Expectation.Weighted weighted) {
        ObjectNode json = NODES.objectNode().put("threshold", weighted.threshold());
        ArrayNode parts = json.putArray("parts");
        weighted
            .parts()
            .forEach(
                part ->
                    parts
                        .addObject()
                        .put("weight", part.weight())
                        .set("expected", toJson(part.expected())));
        return json;
      }
      return ((Expectation.Custom) expected).spec();
    }

    private static JsonNode refusal(Expectation.Refusal refusal) {
      ObjectNode json = NODES.objectNode();
      if (!refusal.phrases().isEmpty()) {
        json.set("phrases", texts(refusal.phrases()));
      }
      if (!refusal.escalateTools().isEmpty()) {
        json.set("escalate_tools", texts(refusal.escalateTools()));
      }
      if (!refusal.mustNotCall().isEmpty()) {
        json.set("must_not_call", texts(refusal.mustNotCall()));
      }
      return json.isEmpty() ? NODES.booleanNode(true) : json;
    }
  }
}

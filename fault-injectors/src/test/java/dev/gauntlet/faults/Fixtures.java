package dev.gauntlet.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Fixture;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.dataset.ToolCall;
import dev.gauntlet.dataset.ToolDef;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Price;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small scenario and dataset built in code, shared by the tests. */
final class Fixtures {

  static final String MODEL = "gpt-4o-mini";
  static final Price PRICE = new Price(0.15, 0.60);
  static final String INPUT = "Where is order 42?";
  static final String ANSWER = "Order 42 is shipped, arriving 2025-01-03.";

  private Fixtures() {}

  static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Dataset dataset() {
    ToolDef getOrder =
        new ToolDef(
            "get_order",
            "Looks up an order",
            json("{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}}}"));
    Item order =
        new Item(
            "o-1",
            INPUT,
            new Expectation.Contains(List.of("shipped")),
            List.of(
                new Fixture(
                    "get_order",
                    json("{\"order_id\":\"42\"}"),
                    200,
                    json("{\"status\":\"shipped\",\"eta\":\"2025-01-03\"}"))),
            List.of(
                new ScriptStep.CallTools(
                    List.of(new ToolCall("get_order", json("{\"order_id\":\"42\"}")))),
                new ScriptStep.Answer(
                    "Order 42 is {{get_order.status}}, arriving {{get_order.eta}}.")),
            List.of(),
            1);
    Item hello =
        new Item(
            "h-1",
            "Say hello",
            new Expectation.Exact("Hello!"),
            List.of(),
            List.of(new ScriptStep.Answer("Hello!")),
            List.of(),
            2);
    return new Dataset("orders", "1", "test", List.of(getOrder), List.of(order, hello), null);
  }

  static Scenario scenario(long seed, FaultSpec... faults) {
    return new Scenario(
        "test",
        seed,
        null,
        "orders",
        List.of(
            new Provider("primary", "openai", MODEL), new Provider("backup", "openai", "gpt-4o")),
        Map.of(MODEL, PRICE),
        null,
        List.of(faults),
        List.of(),
        Evaluation.defaults(),
        FaultPlaneSpec.anyPorts(),
        null);
  }

  static FaultSpec outage(
      String name, Duration start, Duration length, double probability, int status) {
    return new FaultSpec(
        name, new Window(start, length), probability, "primary", null, new Fault.Outage(status));
  }

  static FaultSpec rateLimit(String name, double probability, Duration retryAfter) {
    return new FaultSpec(
        name,
        new Window(Duration.ZERO, Duration.ofHours(1)),
        probability,
        "primary",
        null,
        new Fault.RateLimit(retryAfter));
  }
}

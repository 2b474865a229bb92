package dev.gauntlet.faults.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.scenario.Durations;
import java.util.List;

/** The admin API's JSON bodies, snake_case like every file in a run directory. */
final class AdminJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AdminJson() {}

  static ObjectNode error(String message) {
    return NODES.objectNode().put("error", message);
  }

  static ObjectNode health(FaultControl control) {
    ObjectNode health = NODES.objectNode().put("status", "ok");
    control
        .timelineStartedAt()
        .ifPresentOrElse(
            t0 -> health.put("schedule", "started").put("schedule_started_ms", t0.toEpochMilli()),
            () -> health.put("schedule", "not_started"));
    return health.put("faults_on", control.faults().stream().filter(FaultState::on).count());
  }

  static ObjectNode restart(ServerRestart restart) {
    return NODES
        .objectNode()
        .put("provider", restart.provider())
        .put("restarting", true)
        .put("cold_start_ms", restart.coldStartMs());
  }

  static ObjectNode faults(List<FaultState> faults) {
    ObjectNode body = NODES.objectNode();
    ArrayNode list = body.putArray("faults");
    faults.forEach(f -> list.add(fault(f)));
    return body;
  }

  static ObjectNode fault(FaultState f) {
    ObjectNode node = NODES.objectNode().put("name", f.name()).put("kind", f.kind());
    putIfPresent(node, "provider", f.provider());
    putIfPresent(node, "model", f.model());
    node.putObject("window")
        .put("start", Durations.format(f.window().start()))
        .put("duration", Durations.format(f.window().duration()));
    node.put("state", f.on() ? "on" : "off").put("source", f.source());
    if (f.sinceMs() != null) {
      node.put("since_ms", f.sinceMs());
    }
    return node;
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}

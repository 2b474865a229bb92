package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code tools} section of {@code dataset.yaml}: names, descriptions, argument schemas, approvals. */
final class ToolsReader {

  /** The names OpenAI-compatible APIs accept for functions. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private static final List<String> KEYS = List.of("name", "description", "parameters", "approval");

  private final YamlSpot spot;
  private final ApprovalReader approvals;
  private final Map<String, Integer> lines = new LinkedHashMap<>();

  ToolsReader(YamlSpot spot) {
    this.spot = spot;
    this.approvals = new ApprovalReader(spot);
  }

  static Map<String, ToolDef> byName(List<ToolDef> tools) {
    Map<String, ToolDef> byName = new LinkedHashMap<>();
    tools.forEach(tool -> byName.put(tool.name(), tool));
    return byName;
  }

  List<ToolDef> read(List<Node> nodes) {
    if (nodes.isEmpty()) {
      return List.of();
    }
    List<ToolDef> tools = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      String path = "tools[" + i + "]";
      YamlMapping.of(nodes.get(i), path, spot)
          .flatMap(tool -> read(tool, path))
          .ifPresent(tools::add);
    }
    return tools;
  }

  private Optional<ToolDef> read(YamlMapping tool, String path) {
    tool.allowOnly(KEYS);
    Optional<String> name = tool.text("name", true).filter(n -> checkName(n, tool, path));
    Optional<String> description = tool.text("description", true);
    Optional<YamlMapping> parameters = tool.mapping("parameters", true).filter(this::checkSchema);
    JsonNode schema = parameters.map(p -> YamlJson.toJson(p.node())).orElse(null);
    Optional<Approval> approval = approvals.read(tool, path, schema);
    if (name.isEmpty() || description.isEmpty() || schema == null || approval.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ToolDef(name.get(), description.get(), schema, approval.get()));
  }

  private boolean checkName(String name, YamlMapping tool, String path) {
    Node at = tool.entries().get("name");
    if (!NAME.matcher(name).matches()) {
      spot.report(
          at,
          path + ".name",
          "must be 1 to 64 letters, digits, _ or -, but was " + Describe.quoted(name));
      return false;
    }
    Integer earlier = lines.putIfAbsent(name, at.getStartMark().getLine() + 1);
    if (earlier != null) {
      spot.report(
          at,
          path + ".name",
          "must be unique, but " + Describe.quoted(name) + " is also on line " + earlier);
      return false;
    }
    return true;
  }

  /** Checks the parts of the JSON schema that argument validation relies on; other keywords pass through. */
  private boolean checkSchema(YamlMapping schema) {
    boolean valid =
        schema
            .text("type", true)
            .map(
                type -> {
                  boolean object = type.equals("object");
                  if (!object) {
                    spot.report(
                        schema.entries().get("type"),
                        schema.child("type"),
                        "must be object, but was " + type);
                  }
                  return object;
                })
            .orElse(false);
    Optional<YamlMapping> properties = schema.mapping("properties", false);
    properties.ifPresent(p -> p.entries().keySet().forEach(key -> p.mapping(key, true)));
    Map<String, Node> declared = properties.map(YamlMapping::entries).orElse(Map.of());
    for (Node required : schema.list("required", false).orElse(List.of())) {
      if (!(required instanceof ScalarNode scalar) || !declared.containsKey(scalar.getValue())) {
        spot.report(
            required,
            schema.child("required"),
            "must name properties of the schema ("
                + String.join(", ", declared.keySet())
                + "), but was "
                + YamlSpot.describe(required));
        valid = false;
      }
    }
    return valid;
  }
}

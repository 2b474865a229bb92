package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a dataset in the format {@link DatasetLoader} reads, byte for byte the same for the same dataset (key order
 * is fixed, lines end in {@code \n}). Stateless and thread-safe.
 */
public final class DatasetWriter {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DatasetWriter() {}

  /**
   * Writes {@code dataset.yaml} and {@code items.jsonl} into {@code dir}, creating it if needed.
   *
   * @param description the manifest's description (the {@link Dataset} record does not carry it)
   * @param header      comment lines put at the top of {@code dataset.yaml}, without the {@code #}
   */
  public static void write(Path dir, Dataset dataset, String description, List<String> header)
      throws IOException {
    write(dir, dataset, description, Map.of(), header);
  }

  /**
   * As {@link #write(Path, Dataset, String, List)}, with {@code prices} written as the manifest's price hints, in
   * the map's order (none when empty).
   */
  public static void write(
      Path dir,
      Dataset dataset,
      String description,
      Map<String, PriceHint> prices,
      List<String> header)
      throws IOException {
    Files.createDirectories(dir);
    StringBuilder yaml = new StringBuilder();
    header.forEach(line -> yaml.append("# ").append(line).append('\n'));
    yaml.append(yaml().dump(manifest(dataset, description, prices)));
    Files.writeString(dir.resolve(DatasetLoader.MANIFEST), yaml, StandardCharsets.UTF_8);
    StringBuilder lines = new StringBuilder();
    for (Item item : dataset.items()) {
      lines.append(MAPPER.writeValueAsString(toJson(item))).append('\n');
    }
    Files.writeString(dir.resolve(DatasetLoader.ITEMS), lines, StandardCharsets.UTF_8);
  }

  /** One line of {@code items.jsonl}. */
  public static ObjectNode toJson(Item item) {
    ObjectNode json = MAPPER.createObjectNode().put("id", item.id()).put("input", item.input());
    item.tags().forEach(json.putArray("tags")::add);
    json.set("expected", ExpectationWriter.toJson(item.expected()));
    ArrayNode fixtures = json.putArray("fixtures");
    item.fixtures()
        .forEach(
            f ->
                fixtures
                    .addObject()
                    .put("tool", f.tool())
                    .<ObjectNode>set("arguments", f.arguments())
                    .put("status", f.status())
                    .set("response", f.response()));
    ArrayNode script = json.putArray("script");
    item.script().forEach(step -> script.add(step(step)));
    return json;
  }

  /** An expectation as items.jsonl spells it, such as {@code {"regex": {"pattern": "…"}}}. */
  public static ObjectNode toJson(Expectation expected) {
    return ExpectationWriter.toJson(expected);
  }

  private static JsonNode step(ScriptStep step) {
    ObjectNode json = MAPPER.createObjectNode();
    if (step instanceof ScriptStep.CallTools tools) {
      ArrayNode calls = json.putArray("tool_calls");
      tools
          .calls()
          .forEach(
              call ->
                  calls.addObject().put("name", call.name()).set("arguments", call.arguments()));
    } else {
      json.put("answer", ((ScriptStep.Answer) step).template());
    }
    return json;
  }

  private static Map<String, Object> manifest(
      Dataset dataset, String description, Map<String, PriceHint> prices) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("name", dataset.name());
    manifest.put("version", dataset.version());
    manifest.put("owner", dataset.owner());
    manifest.put("description", description);
    manifest.put("tools", dataset.tools().stream().map(DatasetWriter::tool).toList());
    if (!prices.isEmpty()) {
      Map<String, Object> hints = new LinkedHashMap<>();
      prices.forEach(
          (model, price) -> {
            Map<String, Object> hint = new LinkedHashMap<>();
            hint.put("input_per_million", price.inputPerMillion());
            hint.put("output_per_million", price.outputPerMillion());
            hints.put(model, hint);
          });
      manifest.put("prices", hints);
    }
    return manifest;
  }

  private static Map<String, Object> tool(ToolDef tool) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", tool.name());
    json.put("description", tool.description());
    json.put("parameters", MAPPER.convertValue(tool.parameters(), Map.class));
    if (!(tool.approval() instanceof Approval.Never)) {
      json.put("approval", MAPPER.convertValue(tool.approval().toJson(), Object.class));
    }
    return json;
  }

  private static Yaml yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(120);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    return new Yaml(options);
  }
}

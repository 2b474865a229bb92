package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tools the agent may offer the model, with their SDK function-tool form built once.
 * Immutable and thread-safe.
 */
public final class ToolCatalog {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final List<ToolSpec> tools;
  private final Set<String> names;
  private final List<ChatCompletionTool> functionTools;

  public ToolCatalog(List<ToolSpec> tools) {
    this.tools = List.copyOf(tools);
    this.names = this.tools.stream().map(ToolSpec::name).collect(Collectors.toUnmodifiableSet());
    this.functionTools = this.tools.stream().map(ToolCatalog::functionTool).toList();
  }

  /** Parses {@code {"tools":[{"name":…,"description":…,"parameters":{…},"approval":…}]}}; see {@link ApprovalRule}. */
  public static ToolCatalog parse(JsonNode body) {
    JsonNode array = body.path("tools");
    if (!array.isArray()) {
      throw new IllegalArgumentException("tools must be an array, but was " + array.getNodeType());
    }
    List<ToolSpec> specs = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      specs.add(spec(array.get(i), i));
    }
    return new ToolCatalog(specs);
  }

  public boolean contains(String name) {
    return names.contains(name);
  }

  /** The tool called {@code name}, if the catalog has it. */
  public java.util.Optional<ToolSpec> tool(String name) {
    return tools.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public List<ToolSpec> tools() {
    return tools;
  }

  /** The catalog as Chat Completions function tools, ready to put in a request. */
  public List<ChatCompletionTool> functionTools() {
    return functionTools;
  }

  private static ToolSpec spec(JsonNode tool, int index) {
    String name = tool.path("name").asText("");
    if (name.isEmpty()) {
      throw new IllegalArgumentException(
          "tools[" + index + "].name must be a non-empty string, but was " + tool.path("name"));
    }
    JsonNode parameters = tool.path("parameters");
    if (!parameters.isObject()) {
      parameters = Json.MAPPER.createObjectNode().put("type", "object");
    }
    return new ToolSpec(
        name,
        tool.path("description").asText(""),
        parameters,
        ApprovalRule.parse(tool.get("approval"), index));
  }

  private static ChatCompletionTool functionTool(ToolSpec spec) {
    Map<String, Object> schema = Json.MAPPER.convertValue(spec.parameters(), OBJECT);
    FunctionParameters.Builder parameters = FunctionParameters.builder();
    schema.forEach((key, value) -> parameters.putAdditionalProperty(key, JsonValue.from(value)));
    FunctionDefinition function =
        FunctionDefinition.builder()
            .name(spec.name())
            .description(spec.description())
            .parameters(parameters.build())
            .build();
    return ChatCompletionTool.ofFunction(
        ChatCompletionFunctionTool.builder().function(function).build());
  }
}

package dev.gauntlet.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One line of a JSON-lines file, parsed into a tree that remembers the column of every key and value, so problems
 * found later can point at the exact spot. Paths look like {@code script[0].tool_calls[1].name}.
 */
final class JsonLine implements Positions {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final int number;
  private final JsonNode root;
  private final Map<String, Integer> columns = new HashMap<>();

  private JsonLine(String text, int number) throws IOException {
    this.number = number;
    try (JsonParser parser = FACTORY.createParser(text)) {
      parser.nextToken();
      this.root = read(parser, "");
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "expected the line to end after the first JSON value");
      }
    }
  }

  /** Parses {@code text}; a syntax error carries its column in {@link JsonParseException#getLocation()}. */
  static JsonLine parse(String text, int number) throws IOException {
    return new JsonLine(text, number);
  }

  int number() {
    return number;
  }

  JsonNode root() {
    return root;
  }

  /** The line's number, wherever the value is on it. */
  @Override
  public int line(String path) {
    return number;
  }

  /** Column of the value at {@code path}, or of its nearest enclosing value when it is absent. */
  @Override
  public int column(String path) {
    return columns.getOrDefault(Positions.nearest(path, columns::containsKey), 1);
  }

  private JsonNode read(JsonParser parser, String path) throws IOException {
    columns.putIfAbsent(path, parser.currentTokenLocation().getColumnNr());
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String child = path.isEmpty() ? key : path + "." + key;
        columns.put(child, parser.currentTokenLocation().getColumnNr());
        parser.nextToken();
        object.set(key, read(parser, child));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = NODES.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(parser, path + "[" + array.size() + "]"));
      }
      return array;
    }
    return scalar(parser, token);
  }

  private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return integer(parser);
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(parser, "expected a JSON value, but was " + token);
    }
  }

  private static JsonNode integer(JsonParser parser) throws IOException {
    switch (parser.getNumberType()) {
      case INT:
        return NODES.numberNode(parser.getIntValue());
      case LONG:
        return NODES.numberNode(parser.getLongValue());
      default:
        return NODES.numberNode(parser.getBigIntegerValue());
    }
  }
}

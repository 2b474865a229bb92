package dev.gauntlet.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small datasets for loader tests: a valid manifest and item, and ways to break them. */
final class DatasetFiles {

  static final String MANIFEST =
      String.join(
          "\n",
          "name: shop",
          "version: '1'",
          "owner: qa",
          "description: a tiny shop",
          "tools:",
          "  - name: lookup_order",
          "    description: Look up an order.",
          "    parameters:",
          "      type: object",
          "      properties:",
          "        order_id: {type: string}",
          "      required: [order_id]",
          "  - name: track_shipment",
          "    description: Track a parcel.",
          "    parameters:",
          "      type: object",
          "      properties:",
          "        tracking_number: {type: string}",
          "      required: [tracking_number]",
          "");

  static final String ITEM =
      "{\"id\":\"i-1\",\"input\":\"Where is A1?\",\"tags\":[\"orders\"],"
          + "\"expected\":{\"contains\":[\"shipped\"]},"
          + "\"fixtures\":[{\"tool\":\"lookup_order\",\"arguments\":{\"order_id\":\"A1\"},\"status\":200,"
          + "\"response\":{\"status\":\"shipped\"}}],"
          + "\"script\":[{\"tool_calls\":[{\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"A1\"}}]},"
          + "{\"answer\":\"It is {{lookup_order.status}}.\"}]}";

  private DatasetFiles() {}

  static Path write(Path parent, String manifest, List<String> lines) {
    try {
      Path dir = Files.createDirectories(parent.resolve("shop"));
      Files.writeString(dir.resolve(DatasetLoader.MANIFEST), manifest);
      Files.writeString(dir.resolve(DatasetLoader.ITEMS), String.join("\n", lines) + "\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The valid item with its id and input changed, so several can share a file. */
  static String item(int n) {
    return ITEM.replace("i-1", "i-" + n).replace("Where is A1?", "Where is A1? (" + n + ")");
  }

  /** 1-based column of the first {@code "key"} in {@code line}. */
  static int columnOf(String line, String text) {
    int index = line.indexOf(text);
    if (index < 0) {
      throw new IllegalArgumentException(text + " is not in " + line);
    }
    return index + 1;
  }
}

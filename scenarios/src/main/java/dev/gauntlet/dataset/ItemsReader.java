package dev.gauntlet.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code items.jsonl}, one item per line; a line that cannot be read is a problem, never skipped. */
final class ItemsReader {

  private final SourceFile file;
  private final Problems problems;
  private final ItemChecker checker;
  private final Optional<ScorerDefaults> defaults;
  private final Map<String, Integer> idLines = new HashMap<>();
  private final Map<String, Integer> inputLines = new HashMap<>();

  /** {@code defaults} are dataset.yaml's {@code scorers}, empty when they were broken. */
  ItemsReader(
      SourceFile file, Problems problems, ItemChecker checker, Optional<ScorerDefaults> defaults) {
    this.file = file;
    this.problems = problems;
    this.checker = checker;
    this.defaults = defaults;
  }

  List<Item> read() {
    List<Item> items = new ArrayList<>();
    if (!Files.isRegularFile(file.path())) {
      problems.add(file, 0, 0, "", "must be a readable file, but was missing");
      return items;
    }
    int number = 0;
    try (BufferedReader in = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        read(text, ++number).ifPresent(items::add);
      }
    } catch (IOException e) {
      problems.add(
          file,
          number + 1,
          0,
          "",
          "must be readable UTF-8 text, but reading failed: " + e.getMessage());
    }
    if (number == 0) {
      problems.add(file, 0, 0, "", "must have at least one item, but was empty");
    }
    return items;
  }

  private Optional<Item> read(String text, int number) {
    String path = "items[" + number + "]";
    if (text.isBlank()) {
      problems.add(file, number, 1, path, "must be a JSON object, but the line was blank");
      return Optional.empty();
    }
    JsonLine line;
    try {
      line = JsonLine.parse(text, number);
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      problems.add(
          file,
          number,
          column,
          path,
          "must be one JSON object, but could not be parsed: " + e.getOriginalMessage());
      return Optional.empty();
    } catch (IOException e) {
      problems.add(
          file,
          number,
          0,
          path,
          "must be one JSON object, but could not be read: " + e.getMessage());
      return Optional.empty();
    }
    LineSpot spot = new LineSpot(file, problems, line);
    Optional<Item> item = ItemReader.read(line, spot, defaults);
    item.ifPresent(
        found -> {
          unique(found.id(), "id", idLines, number, spot);
          unique(found.input(), "input", inputLines, number, spot);
          checker.check(found, spot);
        });
    return item;
  }

  /** Ids name items in results; inputs are how the scripted provider mock tells items apart. */
  private static void unique(
      String value, String key, Map<String, Integer> seen, int number, LineSpot spot) {
    Integer earlier = seen.putIfAbsent(value, number);
    if (earlier != null) {
      String shown = value.length() > 60 ? value.substring(0, 57) + "..." : value;
      spot.report(
          key,
          "must be unique, but "
              + Describe.quoted(shown)
              + " is also the "
              + key
              + " on line "
              + earlier);
    }
  }
}

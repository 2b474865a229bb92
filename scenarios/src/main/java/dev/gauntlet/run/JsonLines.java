package dev.gauntlet.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads JSON-lines files of a run directory, one value at a time, so that large runs stream instead of loading.
 */
public final class JsonLines {

  private JsonLines() {}

  /**
   * Calls {@code sink} with each line of {@code file} read as {@code type}. A missing file has no lines. A last line
   * cut short by a killed run is skipped, since it was never complete.
   */
  public static <T> void forEach(Path file, Class<T> type, Consumer<? super T> sink) {
    if (!Files.exists(file)) {
      return;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      String pending = null;
      while ((line = in.readLine()) != null) {
        if (pending != null) {
          sink.accept(Json.mapper().readValue(pending, type));
        }
        pending = line.isBlank() ? null : line;
      }
      if (pending != null) {
        readLast(pending, type, sink);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  /** Every line of {@code file} read as {@code type}. */
  public static <T> List<T> readAll(Path file, Class<T> type) {
    List<T> values = new ArrayList<>();
    forEach(file, type, values::add);
    return values;
  }

  private static <T> void readLast(String line, Class<T> type, Consumer<? super T> sink) {
    try {
      sink.accept(Json.mapper().readValue(line, type));
    } catch (IOException truncated) {
      // The writer was killed mid-line; everything before it is intact.
    }
  }
}

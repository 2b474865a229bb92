package dev.gauntlet.reports.internal;

import dev.gauntlet.run.Json;
import dev.gauntlet.run.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads run.json, tolerating its absence or a write cut short. Thread-safe (stateless). */
final class RunInfoFile {

  private RunInfoFile() {}

  /** The run info, or null when the file is missing or not a complete JSON object. */
  static RunInfo read(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Json.mapper().readValue(file.toFile(), RunInfo.class);
    } catch (IOException unreadable) {
      // A run killed while rewriting run.json leaves half a file; evaluate as if it were missing.
      return null;
    }
  }
}

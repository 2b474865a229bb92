package dev.gauntlet.run;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one JSON object per line and flushes each line (or each batch of lines), so that a killed run keeps every
 * line written.
 * Thread-safe: lines from concurrent writers never interleave.
 */
public final class JsonLinesWriter<T> implements AutoCloseable {

  private final BufferedWriter out;
  private final ObjectWriter writer = Json.mapper().writer();

  private JsonLinesWriter(BufferedWriter out) {
    this.out = out;
  }

  /** Opens {@code file} for appending, creating it if needed. */
  public static <T> JsonLinesWriter<T> append(Path file) {
    try {
      return new JsonLinesWriter<>(
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new UncheckedIOException("could not open " + file + " for appending", e);
    }
  }

  /** Writes one value as one line and flushes it. */
  public void write(T value) {
    try {
      String line = writer.writeValueAsString(value);
      synchronized (out) {
        out.write(line);
        out.write('\n');
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes each value as one line, in order, and flushes once after the last. */
  public void writeAll(java.util.List<? extends T> values) {
    try {
      StringBuilder lines = new StringBuilder(values.size() * 256);
      for (T value : values) {
        lines.append(writer.writeValueAsString(value)).append('\n');
      }
      synchronized (out) {
        out.write(lines.toString());
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      synchronized (out) {
        out.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.gauntlet.reports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes report files so that a reader never sees half of one: each file goes to a temporary sibling and is moved
 * into place; a directory is built beside the old one and swapped in. Thread-safe (stateless), though two writers of
 * the same path race on which wins.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code text} as UTF-8 to {@code file}, replacing it. */
  public static void write(Path file, String text) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      move(temporary, file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write " + file + "; is the run directory writable?", e);
    }
  }

  /** A fresh, empty directory beside {@code dir} to fill and then pass to {@link #replace}. */
  public static Path staging(Path dir) {
    Path staging = dir.resolveSibling(dir.getFileName() + ".tmp");
    try {
      delete(staging);
      return Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not create " + staging + "; is the run directory writable?", e);
    }
  }

  /** Puts {@code staging} in the place of {@code dir}, whose old contents are removed. */
  public static void replace(Path staging, Path dir) {
    try {
      delete(dir);
      move(staging, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not replace " + dir + "; is the run directory writable?", e);
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

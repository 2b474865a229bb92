package dev.gauntlet.reports;

import dev.gauntlet.reports.internal.JunitXml;
import dev.gauntlet.reports.internal.SummaryMarkdown;
import dev.gauntlet.reports.internal.VerdictJson;
import dev.gauntlet.run.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a verdict into its run directory as verdict.json, junit.xml and summary.md. Each file is written to a
 * temporary sibling and moved into place, so a reader never sees half a report. Thread-safe (stateless), though two
 * writers of the same run directory race on which verdict wins.
 */
public final class ReportWriter {

  private ReportWriter() {}

  /** Writes every report of {@code verdict} into {@code run}. */
  public static void writeAll(Verdict verdict, RunDirectory run) {
    write(run.verdict(), VerdictJson.text(verdict));
    write(run.junit(), JunitXml.text(verdict));
    write(run.summary(), SummaryMarkdown.text(verdict));
  }

  private static void write(Path file, String text) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      move(temporary, file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + "; is the run directory writable?", e);
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

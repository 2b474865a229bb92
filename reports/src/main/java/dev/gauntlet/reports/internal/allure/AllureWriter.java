package dev.gauntlet.reports.internal.allure;

import dev.gauntlet.reports.Verdict;
import dev.gauntlet.reports.internal.AtomicFiles;
import dev.gauntlet.reports.internal.detail.RunDetails;
import dev.gauntlet.reports.internal.detail.TranscriptText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a run's allure-results directory: the attachments first, then the results that name them, built beside
 * the old directory and swapped in, so a rewrite leaves no result of an earlier verdict. Thread-safe (stateless).
 */
public final class AllureWriter {

  private AllureWriter() {}

  /** Writes the results of {@code verdict} into {@code dir}, copying {@code verdictJson} and {@code reportHtml}. */
  public static void write(
      Verdict verdict, RunDetails details, Path verdictJson, Path reportHtml, Path dir) {
    Path staging = AtomicFiles.staging(dir);
    Map<String, String> sources = new LinkedHashMap<>();
    copy(verdictJson, staging, AllureResults.VERDICT, ".json", sources, verdict);
    copy(reportHtml, staging, AllureResults.REPORT, ".html", sources, verdict);
    if (!details.worst().isEmpty()) {
      String source = attachmentName(verdict, AllureResults.TRANSCRIPTS, ".txt");
      writeText(staging.resolve(source), TranscriptText.of(details.worst()));
      sources.put(AllureResults.TRANSCRIPTS, source);
    }
    AllureResults.files(verdict, sources)
        .forEach((name, text) -> writeText(staging.resolve(name), text));
    AtomicFiles.replace(staging, dir);
  }

  private static void copy(
      Path file,
      Path staging,
      String name,
      String extension,
      Map<String, String> sources,
      Verdict verdict) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    String source = attachmentName(verdict, name, extension);
    try {
      Files.copy(file, staging.resolve(source));
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy " + file + " into " + staging, e);
    }
    sources.put(name, source);
  }

  private static String attachmentName(Verdict verdict, String name, String extension) {
    String key = verdict.scenario() + "\n" + verdict.startedMs() + "\n" + name;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)) + "-attachment" + extension;
  }

  private static void writeText(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}

package dev.gauntlet.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one run, as laid out in design.md. Every step reads and writes only through these paths.
 */
public record RunDirectory(Path root) {

  /** Creates the directory if needed. */
  public static RunDirectory create(Path root) {
    try {
      Files.createDirectories(root);
      return new RunDirectory(root);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create run directory " + root, e);
    }
  }

  public Path scenario() {
    return root.resolve("scenario.yaml");
  }

  public Path runInfo() {
    return root.resolve("run.json");
  }

  public Path records() {
    return root.resolve("records.jsonl");
  }

  public Path ledger() {
    return root.resolve("ledger.jsonl");
  }

  public Path timeline() {
    return root.resolve("timeline.jsonl");
  }

  public Path memory() {
    return root.resolve("memory.jsonl");
  }

  public Path verdict() {
    return root.resolve("verdict.json");
  }

  public Path junit() {
    return root.resolve("junit.xml");
  }

  public Path summary() {
    return root.resolve("summary.md");
  }

  public Path gatling() {
    return root.resolve("gatling");
  }

  public Path agentLog() {
    return root.resolve("agent.log");
  }
}

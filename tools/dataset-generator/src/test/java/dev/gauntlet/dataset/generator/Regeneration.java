package dev.gauntlet.dataset.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.DatasetLoader;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.dataset.ToolCall;
import dev.gauntlet.dataset.ToolDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks every generated dataset shares: the committed files load, match the generator and are well formed. */
final class Regeneration {

  /** Writes a dataset the way its generator's {@code write} does. */
  @FunctionalInterface
  interface Writer {
    void write(Dataset dataset, Path dir) throws IOException;
  }

  private Regeneration() {}

  static Path committed(String name) {
    return Path.of(System.getProperty("gauntlet.home", ".."), "golden-datasets", name);
  }

  /** Generates into {@code tempDir} and compares both files with the committed ones, byte for byte. */
  static void assertCommittedFilesMatch(
      String name,
      Path tempDir,
      java.util.function.Function<Path, Dataset> generate,
      Writer writer,
      String generator)
      throws IOException {
    Path regenerated = tempDir.resolve(name);
    writer.write(generate.apply(regenerated), regenerated);
    for (String file : List.of(DatasetLoader.MANIFEST, DatasetLoader.ITEMS)) {
      assertThat(Files.readAllBytes(regenerated.resolve(file)))
          .as("%s of %s must match the generator; run %s to regenerate it", file, name, generator)
          .isEqualTo(Files.readAllBytes(committed(name).resolve(file)));
    }
  }

  /** At least {@code min} items, unique ids and inputs, every tool used, no item the audit finds broken. */
  static void assertWellFormed(Dataset dataset, int min) {
    assertThat(dataset.items()).hasSizeGreaterThanOrEqualTo(min);
    assertThat(dataset.items()).extracting(Item::id).doesNotHaveDuplicates();
    assertThat(dataset.items()).extracting(Item::input).doesNotHaveDuplicates();
    assertThat(dataset.items().stream().flatMap(item -> ItemAudit.problems(item).stream()))
        .isEmpty();
    assertCallsAnswerTheSameEverywhere(dataset);
    assertThat(
            dataset.items().stream()
                .flatMap(Regeneration::calls)
                .map(ToolCall::name)
                .collect(Collectors.toSet()))
        .as("tools the scripts call")
        .containsAll(
            dataset.tools().stream()
                .map(ToolDef::name)
                .filter(name -> !forbiddenAnywhere(dataset, name))
                .toList());
  }

  /** The tool mock answers a tool and arguments from the first item declaring them: every item must agree. */
  static void assertCallsAnswerTheSameEverywhere(Dataset dataset) {
    java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> first =
        new java.util.HashMap<>();
    for (Item item : dataset.items()) {
      for (dev.gauntlet.dataset.Fixture fixture : item.fixtures()) {
        String key = fixture.tool() + " " + fixture.arguments();
        first.putIfAbsent(key, fixture.response());
        assertThat(fixture.response())
            .as("%s: %s answers differently in an earlier item", item.id(), key)
            .isEqualTo(first.get(key));
      }
    }
  }

  /** Items whose script calls tools in {@code rounds} steps, and some with parallel calls. */
  static long withCallSteps(Dataset dataset, int rounds) {
    return dataset.items().stream().filter(item -> callSteps(item) == rounds).count();
  }

  static long withParallelCalls(Dataset dataset) {
    return dataset.items().stream()
        .filter(
            item ->
                item.script().stream()
                    .anyMatch(
                        step ->
                            step instanceof ScriptStep.CallTools tools && tools.calls().size() > 1))
        .count();
  }

  /** How many items expect each kind, composite parts counted. */
  static java.util.Map<String, Long> kinds(Dataset dataset) {
    return dataset.items().stream()
        .flatMap(item -> kinds(item.expected()))
        .collect(Collectors.groupingBy(kind -> kind, Collectors.counting()));
  }

  private static Stream<String> kinds(dev.gauntlet.dataset.Expectation expected) {
    if (expected instanceof dev.gauntlet.dataset.Expectation.AllOf allOf) {
      return Stream.concat(
          Stream.of(allOf.kind()), allOf.parts().stream().flatMap(Regeneration::kinds));
    }
    return Stream.of(expected.kind());
  }

  private static boolean forbiddenAnywhere(Dataset dataset, String tool) {
    return dataset.items().stream()
        .anyMatch(
            item ->
                item.expected().toString().contains("mustNotCall=[")
                    && item.expected().toString().contains(tool));
  }

  private static long callSteps(Item item) {
    return item.script().stream().filter(ScriptStep.CallTools.class::isInstance).count();
  }

  static Stream<ToolCall> calls(Item item) {
    return item.script().stream()
        .filter(ScriptStep.CallTools.class::isInstance)
        .flatMap(step -> ((ScriptStep.CallTools) step).calls().stream());
  }
}

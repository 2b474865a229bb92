package dev.gauntlet.dataset.generator;

import java.util.List;
import java.util.Locale;

/** The made-up repository the code-review items are about: pull requests, files, symbols, tests, authors. */
final class Repo {

  private static final List<String> MODULES =
      List.of(
          "billing",
          "auth",
          "search",
          "checkout",
          "inventory",
          "notifications",
          "reporting",
          "gateway",
          "scheduler",
          "profiles");
  private static final List<String> FILES =
      List.of(
          "Service",
          "Repository",
          "Controller",
          "Client",
          "Mapper",
          "Validator",
          "Cache",
          "Config",
          "Handler",
          "Job");
  private static final List<String> VERBS =
      List.of("Add", "Fix", "Refactor", "Speed up", "Harden", "Remove", "Document", "Retry");
  private static final List<String> TOPICS =
      List.of(
          "pagination",
          "token refresh",
          "rate limiting",
          "currency rounding",
          "null handling",
          "batch import",
          "timeouts",
          "audit logging",
          "index rebuild",
          "webhook retries",
          "cache eviction",
          "date parsing");
  private static final List<String> FAILURES =
      List.of(
          "expected <200> but was <500>",
          "NullPointerException at line %d",
          "timed out after 30 s",
          "expected 2 elements but found 3",
          "assertion failed: rounding of 0.%d5");
  private static final List<String> REMARKS =
      List.of(
          "This can be null when the cache is cold; guard it.",
          "Consider extracting this into a method; it is duplicated below.",
          "Please add a test for the empty case.",
          "This swallows the exception; log it or rethrow.",
          "Magic number: name this constant.");

  private Repo() {}

  static int prNumber(World world) {
    return world.between(1000, 9999);
  }

  static String module(World world) {
    return world.pick(MODULES);
  }

  static String path(World world, String module) {
    String type = world.pick(FILES);
    String stem = Character.toUpperCase(module.charAt(0)) + module.substring(1);
    return "src/main/java/com/example/" + module + "/" + stem + type + ".java";
  }

  static String title(World world) {
    return world.pick(VERBS) + " " + world.pick(TOPICS) + " in " + module(world);
  }

  static String author(World world) {
    World.Customer person = world.customer();
    return (person.first().charAt(0) + person.last()).toLowerCase(Locale.ROOT)
        + world.between(1, 99);
  }

  static String testName(World world, String module) {
    return Character.toUpperCase(module.charAt(0))
        + module.substring(1)
        + world.pick(FILES)
        + "Test."
        + world.pick(List.of("handles", "rejects", "retries", "rounds", "pages"))
        + world.pick(List.of("Empty", "Null", "Timeout", "LargeBatch", "Unicode", "Expired"))
        + "Input";
  }

  static String failure(World world) {
    return String.format(world.pick(FAILURES), world.between(12, 480));
  }

  static String remark(World world) {
    return world.pick(REMARKS);
  }

  static String sha(World world) {
    return world.code("", 7).toLowerCase(Locale.ROOT);
  }
}

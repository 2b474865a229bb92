package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.CodeReviewTools.CI_STATUS;
import static dev.gauntlet.dataset.generator.CodeReviewTools.GET_DIFF;
import static dev.gauntlet.dataset.generator.CodeReviewTools.GET_FILE;
import static dev.gauntlet.dataset.generator.CodeReviewTools.GET_PR;
import static dev.gauntlet.dataset.generator.CodeReviewTools.POST_COMMENT;
import static dev.gauntlet.dataset.generator.CodeReviewTools.RUN_TESTS;
import static dev.gauntlet.dataset.generator.CodeReviewTools.SEARCH_CODE;
import static dev.gauntlet.dataset.generator.CodeReviewTools.SET_REVIEW;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.dataset.Expectation;
import java.util.List;

/** What reviewers ask a code-review agent: summaries, test results, line comments, usages, CI, verdicts. */
final class CodeReviewIntents {

  private CodeReviewIntents() {}

  /** One call; the answer is prose (contains) or a bare count (numeric). */
  static Intent summary() {
    List<String> prose =
        List.of(
            "Summarise PR #%d for me.",
            "What does pull request %d change?",
            "Give me the gist of #%d before I review it.",
            "Who opened PR %d and what is it about?");
    List<String> counts =
        List.of(
            "How many files does PR #%d touch? Start your answer with the number.",
            "Number of changed files in pull request %d? Lead with the number.");
    return world -> {
      int pr = Repo.prNumber(world);
      ObjectNode details = pullRequest(world, pr);
      boolean count = world.chance(0.4);
      Draft draft =
          new Draft(
                  String.format(world.pick(count ? counts : prose), pr),
                  "pull-request",
                  count ? "numeric" : "summary")
              .call(GET_PR, Obj.of("pr_number", pr), details);
      if (count) {
        return draft
            .answer(
                "{{get_pull_request.files_changed}} files, with {{get_pull_request.additions}} lines "
                    + "added and {{get_pull_request.deletions}} removed.")
            .expect(new Expectation.Numeric(details.get("files_changed").asInt(), 0, 0, null));
      }
      return draft
          .answer(
              "PR #{{get_pull_request.number}} \"{{get_pull_request.title}}\" by "
                  + "{{get_pull_request.author}} merges {{get_pull_request.head}} into {{get_pull_request.base}}: "
                  + "{{get_pull_request.files_changed}} files, +{{get_pull_request.additions}}/-{{get_pull_request.deletions}}.")
          .expectContains(details.get("author").asText(), details.get("head").asText());
    };
  }

  /** One call to the test runner; the answer is checked with a regular expression. */
  static Intent testFailures() {
    List<String> asks =
        List.of(
            "Run the %s tests on PR #%d and tell me what fails.",
            "Do the %s tests pass on pull request %d?", "Check %s tests for #%d please.");
    return world -> {
      int pr = Repo.prNumber(world);
      String suite = world.pick(List.of("unit", "integration"));
      String module = Repo.module(world);
      int total = world.between(40, 900);
      int failed = world.between(1, 6);
      String test = Repo.testName(world, module);
      ObjectNode result =
          Obj.of(
              "suite",
              suite,
              "total",
              total,
              "passed",
              total - failed,
              "failed",
              failed,
              "duration_s",
              world.between(8, 400),
              "failures",
              JsonNodeFactory.instance
                  .arrayNode()
                  .add(Obj.of("test", test, "message", Repo.failure(world))));
      return new Draft(String.format(world.pick(asks), suite, pr), "tests", suite)
          .call(RUN_TESTS, Obj.of("pr_number", pr, "suite", suite), result)
          .answer(
              "{{run_tests.failed}} of {{run_tests.total}} {{run_tests.suite}} tests failed. First failure: "
                  + "{{run_tests.failures.0.test}}: {{run_tests.failures.0.message}}")
          .expect(
              new Expectation.Regex(
                  "\\b"
                      + failed
                      + " of "
                      + total
                      + " \\w+ tests failed.*"
                      + test.replace(".", "\\."),
                  "i"));
    };
  }

  /** Three rounds: the PR, the diff of its first file, then a comment on the line the diff shows. */
  static Intent commentOnDiff() {
    List<String> asks =
        List.of(
            "Review the first file of PR #%d and leave a comment where needed.",
            "Have a look at the diff in #%d and comment on anything off.",
            "PR %d: check the main change and comment.");
    return world -> {
      int pr = Repo.prNumber(world);
      ObjectNode details = pullRequest(world, pr);
      String path = details.at("/files/0").asText();
      int line = world.between(12, 400);
      String remark = Repo.remark(world);
      String commentId = "c" + world.between(100000, 999999);
      return new Draft(String.format(world.pick(asks), pr), "diff", "comment", "multi-step")
          .call(GET_PR, Obj.of("pr_number", pr), details)
          .call(
              GET_DIFF,
              Obj.of("pr_number", pr, "path", path),
              Obj.of(
                  "path",
                  path,
                  "hunks",
                  JsonNodeFactory.instance
                      .arrayNode()
                      .add(
                          Obj.of(
                              "new_start",
                              line,
                              "added",
                              "+    return cache.get(key)" + ".value();"))))
          .call(
              POST_COMMENT,
              Obj.of("pr_number", pr, "path", path, "line", line, "body", remark),
              Obj.of(
                  "comment_id",
                  commentId,
                  "path",
                  path,
                  "line",
                  line,
                  "url",
                  "https://code.example.com/pr/" + pr + "#" + commentId))
          .answer(
              "I left comment {{post_comment.comment_id}} on {{post_comment.path}} line {{post_comment.line}}: "
                  + remark)
          .expect(
              new Expectation.AllOf(
                  List.of(
                      Expectations.trajectory(GET_PR, GET_DIFF, POST_COMMENT),
                      new Expectation.Contains(List.of(commentId)))));
    };
  }

  /** Two calls in parallel: CI and lint; the answer is JSON. */
  static Intent ciAndLint() {
    List<String> asks =
        List.of(
            "For PR #%d, return JSON with keys ci and lint_errors.",
            "JSON only: CI state and number of lint errors of pull request %d (keys ci, lint_errors).",
            "Report #%d's CI state and lint errors as a JSON object {ci, lint_errors}.");
    return world -> {
      int pr = Repo.prNumber(world);
      String state = world.pick(List.of("failure", "success", "pending"));
      int lint = world.between(0, 14);
      return new Draft(String.format(world.pick(asks), pr), "ci", "parallel", "json")
          .parallel(
              new Draft.Call(
                  CI_STATUS,
                  Obj.of("pr_number", pr),
                  Obj.of(
                      "pr_number",
                      pr,
                      "state",
                      state,
                      "checks",
                      world.between(3, 9),
                      "head_sha",
                      Repo.sha(world))),
              new Draft.Call(
                  RUN_TESTS,
                  Obj.of("pr_number", pr, "suite", "lint"),
                  Obj.of(
                      "suite",
                      "lint",
                      "total",
                      lint + world.between(20, 80),
                      "failed",
                      lint,
                      "failures",
                      JsonNodeFactory.instance.arrayNode())))
          .answer("{\"ci\": \"{{get_ci_status.state}}\", \"lint_errors\": {{run_tests.failed}}}")
          .expect(new Expectation.JsonField("/ci", state));
    };
  }

  /** Two rounds: search for a symbol, then read the file it is defined in. */
  static Intent findDefinition() {
    List<String> asks =
        List.of(
            "Where is %s defined, and what does it return?",
            "Find the definition of %s.", "Which file declares %s? Show me its signature.");
    return world -> {
      String module = Repo.module(world);
      String symbol =
          world.pick(List.of("resolve", "load", "apply", "compute", "refresh", "validate"))
              + world.pick(List.of("Totals", "Token", "Window", "Batch", "Quota", "Schedule"))
              + world.between(2, 99);
      String path = Repo.path(world, module);
      int line = world.between(20, 600);
      String ref = Repo.sha(world);
      String returns =
          world.pick(
              List.of("Optional<Invoice>", "BigDecimal", "List<Item>", "Duration", "boolean"));
      ArrayNode matches =
          JsonNodeFactory.instance.arrayNode().add(Obj.of("path", path, "line", line, "ref", ref));
      return new Draft(String.format(world.pick(asks), symbol), "code-search", "multi-step")
          .call(SEARCH_CODE, Obj.of("query", symbol), Obj.of("query", symbol, "matches", matches))
          .call(
              GET_FILE,
              Obj.of("path", path, "ref", ref),
              Obj.of(
                  "path",
                  path,
                  "ref",
                  ref,
                  "signature",
                  "public " + returns + " " + symbol + "(Request request)",
                  "lines",
                  world.between(line + 10, 900)))
          .answer(
              "It is defined in {{get_file.path}} at line {{search_code.matches.0.line}} "
                  + "({{get_file.ref}}): {{get_file.signature}}")
          .expectContains(path, returns);
    };
  }

  /** The PR and its unit tests in parallel, then the review: approve when green, request changes when not. */
  static Intent verdict() {
    List<String> asks =
        List.of(
            "Review PR #%d and submit your verdict.",
            "Approve #%d if it's good, otherwise " + "request changes.",
            "Please do the review of pull request %d end to end.");
    return world -> {
      int pr = Repo.prNumber(world);
      ObjectNode details = pullRequest(world, pr);
      int failed = world.chance(0.5) ? 0 : world.between(1, 4);
      int total = world.between(60, 700);
      String verdict = failed == 0 ? "approve" : "request_changes";
      String summary =
          failed == 0
              ? "Tests pass and the change is small; approving."
              : failed + " unit tests fail; please fix them.";
      String reviewId = "r" + world.between(100000, 999999);
      return new Draft(
              String.format(world.pick(asks), pr), "review", verdict, "parallel", "multi-step")
          .parallel(
              new Draft.Call(GET_PR, Obj.of("pr_number", pr), details),
              new Draft.Call(
                  RUN_TESTS,
                  Obj.of("pr_number", pr, "suite", "unit"),
                  Obj.of(
                      "suite",
                      "unit",
                      "total",
                      total,
                      "failed",
                      failed,
                      "failures",
                      JsonNodeFactory.instance.arrayNode())))
          .call(
              SET_REVIEW,
              Obj.of("pr_number", pr, "verdict", verdict, "summary", summary),
              Obj.of("review_id", reviewId, "verdict", verdict, "state", "submitted"))
          .answer(
              "Review {{set_review.review_id}} submitted on \"{{get_pull_request.title}}\": "
                  + "{{set_review.verdict}} ({{run_tests.failed}} of {{run_tests.total}} unit tests failing).")
          .expect(
              new Expectation.AllOf(
                  List.of(
                      Expectations.parallelThen(List.of(GET_PR, RUN_TESTS), SET_REVIEW),
                      new Expectation.Contains(List.of(reviewId)))));
    };
  }

  private static ObjectNode pullRequest(World world, int pr) {
    String module = Repo.module(world);
    int files = world.between(1, 24);
    ArrayNode paths = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < Math.min(files, 3); i++) {
      paths.add(Repo.path(world, module));
    }
    return Obj.of(
        "number",
        pr,
        "title",
        Repo.title(world),
        "author",
        Repo.author(world),
        "base",
        "main",
        "head",
        "feature/" + module + "-" + world.between(100, 999),
        "files_changed",
        files,
        "additions",
        world.between(files, 40 * files),
        "deletions",
        world.between(0, 20 * files),
        "files",
        paths);
  }
}

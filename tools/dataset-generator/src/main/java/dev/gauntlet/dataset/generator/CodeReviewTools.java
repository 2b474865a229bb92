package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.Schemas.integer;
import static dev.gauntlet.dataset.generator.Schemas.oneOf;
import static dev.gauntlet.dataset.generator.Schemas.schema;
import static dev.gauntlet.dataset.generator.Schemas.text;

import dev.gauntlet.dataset.ToolDef;
import java.util.List;

/** The code-review agent's catalog, modelled on a code host's API and a CI system. */
final class CodeReviewTools {

  static final String GET_PR = "get_pull_request";
  static final String GET_DIFF = "get_diff";
  static final String GET_FILE = "get_file";
  static final String RUN_TESTS = "run_tests";
  static final String CI_STATUS = "get_ci_status";
  static final String SEARCH_CODE = "search_code";
  static final String POST_COMMENT = "post_comment";
  static final String SET_REVIEW = "set_review";

  private CodeReviewTools() {}

  static List<ToolDef> catalog() {
    return List.of(
        new ToolDef(
            GET_PR,
            "Get a pull request: title, author, branches, changed files and line counts.",
            schema(Obj.of("pr_number", integer("Pull request number.")), "pr_number")),
        new ToolDef(
            GET_DIFF,
            "Get the unified diff of one file of a pull request.",
            schema(
                Obj.of(
                    "pr_number",
                    integer("Pull request number."),
                    "path",
                    text("File path in the repo.")),
                "pr_number",
                "path")),
        new ToolDef(
            GET_FILE,
            "Read a file of the repository at a git ref.",
            schema(
                Obj.of(
                    "path", text("File path in the repo."), "ref", text("Branch, tag or commit.")),
                "path",
                "ref")),
        new ToolDef(
            RUN_TESTS,
            "Run a test suite against a pull request's head and report the results.",
            schema(
                Obj.of(
                    "pr_number",
                    integer("Pull request number."),
                    "suite",
                    oneOf("Which suite.", "unit", "integration", "lint")),
                "pr_number",
                "suite")),
        new ToolDef(
            CI_STATUS,
            "The state of a pull request's CI checks.",
            schema(Obj.of("pr_number", integer("Pull request number.")), "pr_number")),
        new ToolDef(
            SEARCH_CODE,
            "Search the repository's code for a symbol or text.",
            schema(Obj.of("query", text("What to search for.")), "query")),
        new ToolDef(
            POST_COMMENT,
            "Post a review comment on one line of a pull request's diff.",
            schema(
                Obj.of(
                    "pr_number",
                    integer("Pull request number."),
                    "path",
                    text("File path."),
                    "line",
                    integer("Line in the new file."),
                    "body",
                    text("The comment, in Markdown.")),
                "pr_number",
                "path",
                "line",
                "body")),
        new ToolDef(
            SET_REVIEW,
            "Submit the review of a pull request.",
            schema(
                Obj.of(
                    "pr_number",
                    integer("Pull request number."),
                    "verdict",
                    oneOf("The review's outcome.", "approve", "request_changes", "comment"),
                    "summary",
                    text("One paragraph for the author.")),
                "pr_number",
                "verdict",
                "summary")));
  }
}

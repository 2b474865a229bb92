package dev.gauntlet.dataset;

import java.util.List;
import java.util.Map;

/**
 * Checks that the tools an expectation names (trajectory calls, refusal's escalate and forbidden tools) are in the
 * catalog, so that a typo cannot make a guardrail pass vacuously.
 */
final class ExpectationToolCheck {

  private ExpectationToolCheck() {}

  /** Checks {@code expected}, reporting at {@code path} ({@code expected} for an item's own). */
  static void check(
      Expectation expected, Map<String, ToolDef> catalog, LineSpot spot, String path) {
    if (expected instanceof Expectation.Trajectory trajectory) {
      trajectory
          .steps()
          .forEach(
              step ->
                  step.calls()
                      .forEach(call -> name(call.name(), "trajectory", catalog, spot, path)));
    } else if (expected instanceof Expectation.Refusal refusal) {
      names(refusal.escalateTools(), "refusal.escalate_tools", catalog, spot, path);
      names(refusal.mustNotCall(), "refusal.must_not_call", catalog, spot, path);
    } else if (expected instanceof Expectation.AllOf allOf) {
      allOf.parts().forEach(part -> check(part, catalog, spot, path));
    } else if (expected instanceof Expectation.Weighted weighted) {
      weighted.parts().forEach(part -> check(part.expected(), catalog, spot, path));
    }
  }

  private static void names(
      List<String> names, String role, Map<String, ToolDef> catalog, LineSpot spot, String path) {
    names.forEach(name -> name(name, role, catalog, spot, path));
  }

  private static void name(
      String name, String role, Map<String, ToolDef> catalog, LineSpot spot, String path) {
    if (!catalog.containsKey(name)) {
      spot.report(
          path,
          "tools in "
              + role
              + " must be tools of the catalog ("
              + String.join(", ", catalog.keySet())
              + "), but "
              + Describe.quoted(name)
              + " is not"
              + Describe.suggestion(name, catalog.keySet()));
    }
  }
}

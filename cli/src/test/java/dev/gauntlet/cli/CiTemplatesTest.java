package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.engine.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The CI templates in ci/ are meant to be copied as they are, so each is checked: it parses, the commands it runs
 * exist in this repository, the scenario it gates on exists, and what it publishes is where the gate writes it.
 * ci/gate.sh is run against a stand-in launcher for every exit code of design.md.
 */
class CiTemplatesTest {

  private static final Path HOME =
      Path.of(System.getProperty("gauntlet.home", "..")).toAbsolutePath().normalize();
  private static final String RUN_DIR = "runs/gate";

  /** Published actions the GitHub template may use, each pinned to a major version. */
  private static final Pattern KNOWN_ACTION =
      Pattern.compile(
          "(actions/checkout|actions/setup-java|actions/upload-artifact|mikepenz/action-junit-report)@v\\d+");

  @Test
  @SuppressWarnings("unchecked")
  void githubActionsRunsTheGatePublishesJunitAndUploadsTheRunDirectory() throws IOException {
    Map<String, Object> workflow = yaml("ci/github-actions.yml");
    Map<String, Object> job =
        (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("gate");
    assertThat((Map<String, Object>) job.get("env")).containsEntry("GAUNTLET_RUN_DIR", RUN_DIR);
    List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");

    List<String> runs = new ArrayList<>();
    for (Map<String, Object> step : steps) {
      if (step.containsKey("uses")) {
        assertThat((String) step.get("uses")).matches(KNOWN_ACTION);
      }
      if (step.containsKey("run")) {
        runs.add((String) step.get("run"));
      }
    }
    assertThat(runs).hasSize(1);
    assertCommandsExist(runs.get(0));
    assertThat(runs.get(0)).startsWith("ci/gate.sh ");
    Map<String, Object> junit = step(steps, "mikepenz/action-junit-report");
    assertThat(junit.get("if")).isEqualTo("always()");
    assertThat(((Map<String, Object>) junit.get("with")).get("report_paths"))
        .isEqualTo(RUN_DIR + "/junit.xml");
    Map<String, Object> upload = step(steps, "actions/upload-artifact");
    assertThat(upload.get("if")).isEqualTo("always()");
    assertThat(((Map<String, Object>) upload.get("with")).get("path")).isEqualTo(RUN_DIR + "/");
    assertThat(Files.readString(HOME.resolve("ci/gate.sh")))
        .as("the job summary")
        .contains("GITHUB_STEP_SUMMARY");
  }

  @Test
  @SuppressWarnings("unchecked")
  void gitlabCiKeepsTheJunitReportAndTheRunDirectory() throws IOException {
    Map<String, Object> job = (Map<String, Object>) yaml("ci/gitlab-ci.yml").get("gauntlet-gate");

    assertThat((Map<String, Object>) job.get("variables"))
        .containsEntry("GAUNTLET_RUN_DIR", RUN_DIR);
    for (String line : (List<String>) job.get("script")) {
      assertCommandsExist(line);
    }
    Map<String, Object> artifacts = (Map<String, Object>) job.get("artifacts");
    assertThat(artifacts.get("when")).isEqualTo("always");
    assertThat((List<String>) artifacts.get("paths")).containsExactly(RUN_DIR + "/");
    assertThat(((Map<String, Object>) artifacts.get("reports")).get("junit"))
        .isEqualTo(RUN_DIR + "/junit.xml");
    assertThat((List<Integer>) ((Map<String, Object>) job.get("allow_failure")).get("exit_codes"))
        .as("only unresolved may pass with a warning")
        .containsExactly(ExitCodes.UNRESOLVED);
  }

  @Test
  void jenkinsfileBranchesOnTheExitCodesAndPublishesTheRunDirectory() throws IOException {
    String jenkinsfile = Files.readString(HOME.resolve("ci/Jenkinsfile"));

    assertBalanced(jenkinsfile);
    Matcher sh =
        Pattern.compile("sh\\(script: '([^']+)', returnStatus: true\\)").matcher(jenkinsfile);
    assertThat(sh.find()).as("an sh step that keeps the exit code").isTrue();
    assertCommandsExist(sh.group(1));
    assertThat(jenkinsfile)
        .contains("GAUNTLET_RUN_DIR = '" + RUN_DIR + "'")
        .contains("code == " + ExitCodes.UNRESOLVED)
        .contains("code == " + ExitCodes.SLO_FAILED)
        .contains("junit(testResults: '" + RUN_DIR + "/junit.xml'")
        .contains("archiveArtifacts(artifacts: '" + RUN_DIR + "/**'");
  }

  @ParameterizedTest(name = "exit {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void gateScriptPassesTheExitCodeOnWithAnExplanationAndTheJobSummary(int code, @TempDir Path work)
      throws IOException, InterruptedException {
    Path fake = work.resolve("gauntlet");
    Files.writeString(
        fake,
        "#!/usr/bin/env bash\n# stand-in: run SCENARIO --out DIR\nmkdir -p \"$4\"\n"
            + "echo '# Gauntlet: fake' > \"$4/summary.md\"\nexit "
            + code
            + "\n");
    fake.toFile().setExecutable(true);
    Path summary = work.resolve("step-summary.md");

    ProcessBuilder builder =
        new ProcessBuilder("bash", HOME.resolve("ci/gate.sh").toString(), "scenarios/smoke.yaml")
            .directory(work.toFile())
            .redirectErrorStream(true);
    builder
        .environment()
        .putAll(
            Map.of(
                "GAUNTLET",
                fake.toString(),
                "GITHUB_STEP_SUMMARY",
                summary.toString(),
                "GAUNTLET_RUN_DIR",
                "runs/gate"));
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(out).isEqualTo(code);
    assertThat(out)
        .contains(
            List.of(
                    "gate: passed",
                    "gate: the scenario or its dataset is invalid",
                    "gate: an SLO failed",
                    "gate: unresolved",
                    "gate: the target never became ready")
                .get(code));
    assertThat(summary).content().contains("# Gauntlet: fake");
  }

  @Test
  void gateScriptParses() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("bash", "-n", HOME.resolve("ci/gate.sh").toString())
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as(new String(process.getInputStream().readAllBytes()))
        .isZero();
    assertThat(HOME.resolve("ci/gate.sh")).isExecutable();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String file) throws IOException {
    return (Map<String, Object>) new Yaml().load(Files.readString(HOME.resolve(file)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> step(List<Map<String, Object>> steps, String action) {
    return steps.stream()
        .filter(s -> String.valueOf(s.get("uses")).startsWith(action + "@"))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("the workflow must use " + action + ", but it does not"));
  }

  /** The command is an executable of this repository, and every argument that names a repository file exists. */
  private static void assertCommandsExist(String commandLine) {
    String[] words = commandLine.trim().split("\\s+");
    assertThat(HOME.resolve(words[0])).as("command " + words[0]).isRegularFile().isExecutable();
    for (String word : words) {
      if (word.matches("[\\w./-]+\\.(ya?ml|sh)")) {
        assertThat(HOME.resolve(word)).as(word + " in `" + commandLine + "`").isRegularFile();
      }
    }
  }

  private static void assertBalanced(String text) {
    String code = text.replaceAll("(?m)//.*$", "").replaceAll("'[^'\\n]*'|\"[^\"\\n]*\"", "''");
    int braces = 0;
    int parens = 0;
    for (char c : code.toCharArray()) {
      braces += c == '{' ? 1 : c == '}' ? -1 : 0;
      parens += c == '(' ? 1 : c == ')' ? -1 : 0;
      assertThat(braces).as("braces never close before they open").isNotNegative();
      assertThat(parens).as("parentheses never close before they open").isNotNegative();
    }
    assertThat(braces).as("every brace closed").isZero();
    assertThat(parens).as("every parenthesis closed").isZero();
  }
}

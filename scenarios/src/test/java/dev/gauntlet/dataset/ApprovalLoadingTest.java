package dev.gauntlet.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tool's {@code approval} loads onto {@link Approval}, decides by the call's arguments, and round-trips. */
class ApprovalLoadingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static String manifest(String refundApproval, String deleteApproval) {
    return DatasetFiles.MANIFEST
        + String.join(
            "\n",
            "  - name: issue_refund",
            "    description: Refund an order.",
            "    parameters:",
            "      type: object",
            "      properties:",
            "        order_id: {type: string}",
            "        amount_cents: {type: integer}",
            "      required: [order_id, amount_cents]",
            "    approval: " + refundApproval,
            "  - name: delete_account",
            "    description: Delete an account.",
            "    parameters:",
            "      type: object",
            "      properties:",
            "        customer_id: {type: string}",
            "      required: [customer_id]",
            "    approval: " + deleteApproval,
            "");
  }

  private Dataset load(String manifest) {
    return DatasetLoader.load(DatasetFiles.write(tmp, manifest, List.of(DatasetFiles.ITEM)));
  }

  @Test
  void readsALimitOnAnArgumentAndRequiredAndNoneWhenAbsent() {
    Dataset dataset = load(manifest("{argument: amount_cents, above: 50000}", "required"));

    assertThat(dataset.tools())
        .extracting(ToolDef::name, ToolDef::approval)
        .containsExactly(
            tuple("lookup_order", Approval.NEVER),
            tuple("track_shipment", Approval.NEVER),
            tuple("issue_refund", new Approval.Above("amount_cents", BigDecimal.valueOf(50000))),
            tuple("delete_account", new Approval.Required()));
  }

  @Test
  void aLimitHoldsBackCallsAboveItAndCallsWhoseAmountCannotBeRead() throws Exception {
    Approval limit = new Approval.Above("amount_cents", BigDecimal.valueOf(50000));

    assertThat(limit.requiredFor(JSON.readTree("{\"amount_cents\": 50000}"))).isFalse();
    assertThat(limit.requiredFor(JSON.readTree("{\"amount_cents\": 50001}"))).isTrue();
    assertThat(limit.requiredFor(JSON.readTree("{\"amount_cents\": 500.5}"))).isFalse();
    assertThat(limit.requiredFor(JSON.readTree("{\"amount_cents\": \"10\"}")))
        .as("a string amount")
        .isTrue();
    assertThat(limit.requiredFor(JSON.readTree("{}"))).as("no amount").isTrue();
    assertThat(new Approval.Required().requiredFor(JSON.readTree("{}"))).isTrue();
    assertThat(Approval.NEVER.requiredFor(JSON.readTree("{\"amount_cents\": 1e9}"))).isFalse();
  }

  @Test
  void reportsEveryBadApprovalAtItsLineAndColumn() {
    String manifest = manifest("{argument: order_id, above: -1, when: always}", "always");

    InvalidInputException error =
        catchThrowableOfType(InvalidInputException.class, () -> load(manifest));

    assertThat(error.problems())
        .extracting(Problem::line, Problem::column, Problem::path, Problem::message)
        .containsExactlyInAnyOrder(
            tuple(
                28,
                47,
                "tools[2].approval",
                "keys must be one of argument, above, but was \"when\""),
            tuple(
                28,
                26,
                "tools[2].approval.argument",
                "must name an integer or number property of the tool's "
                    + "parameters, but was \"order_id\", of type string"),
            tuple(28, 43, "tools[2].approval.above", "must be a number at least 0, but was -1"),
            tuple(
                36,
                15,
                "tools[3].approval",
                "must be required or {argument: NAME, above: LIMIT}, but was " + "\"always\""));
  }

  @Test
  void aLimitOnAPropertyTheSchemaLacksIsReported() {
    InvalidInputException error =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> load(manifest("{argument: amount, above: 100}", "required")));

    assertThat(error.problems())
        .singleElement()
        .asString()
        .contains("dataset.yaml:28:")
        .endsWith(
            "tools[2].approval.argument: must name an integer or number property of the tool's parameters, "
                + "but was \"amount\", which is not a property");
  }

  @Test
  void theWriterWritesApprovalsTheLoaderReadsBack() throws Exception {
    Dataset dataset = load(manifest("{argument: amount_cents, above: 50000}", "required"));
    Path out = tmp.resolve("copy").resolve("shop");

    DatasetWriter.write(out, dataset, "a tiny shop", List.of());

    assertThat(Files.readString(out.resolve(DatasetLoader.MANIFEST)))
        .contains("approval: required");
    assertThat(DatasetLoader.load(out).tools())
        .extracting(ToolDef::approval)
        .containsExactlyElementsOf(dataset.tools().stream().map(ToolDef::approval).toList());
  }
}

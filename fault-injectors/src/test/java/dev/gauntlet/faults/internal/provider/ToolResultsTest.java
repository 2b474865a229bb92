package dev.gauntlet.faults.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.AnswerTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Templates rendered from the tool results of a real conversation, as the scripted model renders them. */
class ToolResultsTest {

  private static java.util.Optional<String> render(String template, ToolResults results) {
    return AnswerTemplate.of(template).render(results::last);
  }

  private static ToolResults results(String... toolMessages) throws Exception {
    var messages = new java.util.ArrayList<ChatRequest.Message>();
    messages.add(new ChatRequest.Message("user", "q", List.of(), null));
    messages.add(
        new ChatRequest.Message(
            "assistant",
            "",
            List.of(
                new ChatRequest.ToolCallMade("c1", "get_order", "{}"),
                new ChatRequest.ToolCallMade("c2", "get_user", "{}")),
            null));
    for (int i = 0; i < toolMessages.length; i += 2) {
      messages.add(
          new ChatRequest.Message("tool", toolMessages[i + 1], List.of(), toolMessages[i]));
    }
    return ToolResults.of(new ChatRequest("m", false, false, messages));
  }

  @Test
  void replacesDottedPathsIntoNestedObjectsAndArrays() throws Exception {
    ToolResults results =
        results("c1", "{\"order\":{\"items\":[{\"sku\":\"A-1\"}],\"total\":12.5}}");

    assertThat(render("{{get_order.order.items.0.sku}} costs {{ get_order.order.total }}", results))
        .contains("A-1 costs 12.5");
  }

  @Test
  void usesTheLastResultOfTheFunction() throws Exception {
    ToolResults results = results("c1", "{\"s\":\"old\"}", "c1", "{\"s\":\"new\"}");

    assertThat(render("{{get_order.s}}", results)).contains("new");
  }

  @Test
  void resultOfAnotherFunctionDoesNotFillThePlaceholder() throws Exception {
    ToolResults results = results("c2", "{\"s\":\"x\"}");

    assertThat(render("{{get_order.s}}", results)).isEmpty();
  }

  @Test
  void errorOrNonJsonResultsCountAsMissing() throws Exception {
    assertThat(render("{{get_order.s}}", results("c1", "{\"error\":\"boom\",\"s\":\"x\"}")))
        .isEmpty();
    assertThat(render("{{get_order.s}}", results("c1", "not json"))).isEmpty();
  }

  @Test
  void templateWithoutPlaceholdersIsItself() throws Exception {
    assertThat(render("Plain $1 text", results())).contains("Plain $1 text");
  }

  @Test
  void streamedPiecesConcatenateToTheText() {
    String text = "Order  42 is\tshipped.\n Done";

    assertThat(String.join("", CompletionStream.pieces(text))).isEqualTo(text);
  }
}

package dev.gauntlet.faults.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.gauntlet.dataset.Approval;
import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.ToolDef;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.internal.CallCounter;
import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.TaskCorrelation;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The tool mock: {@code GET /tools} lists the catalog; {@code POST /tools/{name}} answers the fixture for those
 * arguments, 404 when there is none, and 404 flagged as hallucinated for a tool not in the catalog. A call whose
 * arguments are not a JSON object or break the tool's schema ({@link SchemaCheck}) is flagged too. Every call's
 * ledger line keeps the arguments it was sent (the body as a JSON string when it was not a JSON object), so that a
 * trajectory can be scored from what the agent really did. Thread-safe.
 */
public final class ToolTransformer implements ResponseDefinitionTransformerV2 {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Dataset dataset;
  private final FixtureIndex fixtures;
  private final String catalog;
  private final CallCounter calls = new CallCounter();
  private final LedgerTimings ledger;
  private final Clock clock;

  public ToolTransformer(Dataset dataset, LedgerTimings ledger, Clock clock) {
    this.dataset = dataset;
    this.fixtures = new FixtureIndex(dataset);
    this.catalog = catalog(dataset);
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String path = request.getUrl().split("\\?", 2)[0];
    if (path.equals("/tools") && request.getMethod().equals(RequestMethod.GET)) {
      return Answers.json(new HttpAnswer(200, Map.of(), catalog), null);
    }
    if (path.startsWith("/tools/") && request.getMethod().equals(RequestMethod.POST)) {
      return call(path.substring("/tools/".length()), request, event);
    }
    return Answers.json(error(404, "no route for " + request.getMethod() + " " + path), null);
  }

  private ResponseDefinition call(String tool, Request request, ServeEvent event) {
    long arrived = clock.millis();
    String taskId = TaskCorrelation.taskId(request::getHeader);
    Optional<ToolDef> def = dataset.tool(tool);
    boolean known = def.isPresent();
    JsonNode arguments = arguments(request);
    boolean hallucinated =
        !known
            || arguments == null
            || SchemaCheck.violation(def.get().parameters(), arguments).isPresent();
    Optional<FixtureIndex.Match> match =
        known && arguments != null ? fixtures.find(tool, arguments) : Optional.empty();
    HttpAnswer answer =
        !known
            ? error(404, "unknown tool " + tool)
            : arguments == null
                ? error(
                    400, "arguments must be a JSON object, but was " + request.getBodyAsString())
                : match
                    .map(
                        m ->
                            new HttpAnswer(
                                m.fixture().status(),
                                Map.of(),
                                String.valueOf(m.fixture().response())))
                    .orElseGet(
                        () ->
                            error(
                                404,
                                "no fixture for " + tool + " with " + CanonicalJson.of(arguments)));
    String itemId = match.map(FixtureIndex.Match::itemId).orElse(null);
    String taskKey = taskId != null ? taskId : itemId != null ? itemId : "unmatched";
    ledger.expect(
        event.getId(),
        new LedgerEntry(
            arrived,
            LedgerEntry.TOOL,
            null,
            null,
            tool,
            taskId,
            itemId,
            calls.next(taskKey),
            answer.status(),
            0,
            0,
            0,
            null,
            hallucinated,
            0,
            0,
            arguments != null ? arguments : TextNode.valueOf(request.getBodyAsString())));
    return Answers.json(answer, null);
  }

  private static JsonNode arguments(Request request) {
    try {
      JsonNode body =
          request.getBody().length == 0
              ? JsonNodeFactory.instance.objectNode()
              : MAPPER.readTree(request.getBody());
      return body != null && body.isObject() ? body : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static HttpAnswer error(int status, String message) {
    return new HttpAnswer(
        status, Map.of(), JsonNodeFactory.instance.objectNode().put("error", message).toString());
  }

  private static String catalog(Dataset dataset) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    var tools = root.putArray("tools");
    for (ToolDef tool : dataset.tools()) {
      ObjectNode entry =
          tools.addObject().put("name", tool.name()).put("description", tool.description());
      entry.set("parameters", tool.parameters());
      if (!(tool.approval() instanceof Approval.Never)) {
        entry.set("approval", tool.approval().toJson());
      }
    }
    return root.toString();
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public String getName() {
    return "gauntlet-tools";
  }
}

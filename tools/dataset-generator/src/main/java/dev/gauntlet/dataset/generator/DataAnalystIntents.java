package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.AnalystTools.DESCRIBE_TABLE;
import static dev.gauntlet.dataset.generator.AnalystTools.EXPORT_CSV;
import static dev.gauntlet.dataset.generator.AnalystTools.LIST_TABLES;
import static dev.gauntlet.dataset.generator.AnalystTools.MAKE_CHART;
import static dev.gauntlet.dataset.generator.AnalystTools.METRIC;
import static dev.gauntlet.dataset.generator.AnalystTools.RUN_SQL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.dataset.Expectation;
import java.util.List;

/** What analysts ask a data agent: counts, metrics, schemas, charts and exports, answered from the warehouse. */
final class DataAnalystIntents {

  /** A table of the made-up warehouse. */
  record Table(String name, String noun, String key, List<String> columns) {}

  /** A governed metric. */
  record Metric(String name, String words, String table) {}

  static final List<Table> TABLES =
      List.of(
          new Table(
              "analytics.orders",
              "orders",
              "order_id",
              List.of("customer_id", "placed_at", "total_usd", "status")),
          new Table(
              "analytics.customers",
              "customers",
              "customer_id",
              List.of("signed_up_at", "country", "plan")),
          new Table(
              "analytics.sessions",
              "sessions",
              "session_id",
              List.of("user_id", "started_at", "device")),
          new Table(
              "analytics.tickets",
              "support tickets",
              "ticket_id",
              List.of("opened_at", "priority", "csat")),
          new Table(
              "analytics.invoices",
              "invoices",
              "invoice_id",
              List.of("account_id", "issued_at", "amount_usd")),
          new Table(
              "analytics.shipments",
              "shipments",
              "shipment_id",
              List.of("order_ref", "carrier", "shipped_at")));
  static final List<Metric> METRICS =
      List.of(
          new Metric("net_revenue", "net revenue", "analytics.orders"),
          new Metric("weekly_active_users", "weekly active users", "analytics.sessions"),
          new Metric("average_order_value", "average order value", "analytics.orders"),
          new Metric("first_contact_resolution", "first-contact resolution", "analytics.tickets"),
          new Metric("billed_amount", "billed amount", "analytics.invoices"));
  private static final List<String> PERIODS =
      List.of(
          "last week",
          "last month",
          "this quarter",
          "yesterday",
          "the past 30 days",
          "March",
          "the last 7 days",
          "year to date");
  private static final List<String> SEGMENTS =
      List.of(
          "in Germany",
          "on mobile",
          "from new customers",
          "on the enterprise plan",
          "with priority high",
          "via DHL",
          "",
          "in the US");

  private DataAnalystIntents() {}

  /** One query; the answer's first number is the count (numeric). */
  static Intent count() {
    List<String> asks =
        List.of(
            "How many %s %s were there %s?",
            "Count the %s %s for %s.", "Number of %s %s, %s? Just give me the figure first.");
    return world -> {
      Table table = world.pick(TABLES);
      String segment = world.pick(SEGMENTS);
      String period = world.pick(PERIODS);
      int n = world.between(40, 250_000);
      String query =
          "SELECT COUNT(*) AS n FROM "
              + table.name()
              + " WHERE period = '"
              + period
              + "'"
              + (segment.isEmpty() ? "" : " AND segment = '" + segment + "'");
      return new Draft(
              String.format(world.pick(asks), table.noun(), segment, period).replace("  ", " "),
              "count",
              "numeric")
          .call(RUN_SQL, Obj.of("query", query), result(world, "n", n))
          .answer("{{run_sql.rows.0.0}} rows match (query {{run_sql.query_id}}).")
          .expect(new Expectation.Numeric(n, 0, 0, null));
    };
  }

  /** Two rounds: list the schema's tables, then describe the one asked about. */
  static Intent explore() {
    List<String> asks =
        List.of(
            "What's the key of the %s table, and how big is it?",
            "I'm new here: which table holds %s, and what identifies a row?",
            "Describe the %s data for me.");
    return world -> {
      Table table = world.pick(TABLES);
      ArrayNode names = JsonNodeFactory.instance.arrayNode();
      TABLES.forEach(t -> names.add(t.name()));
      String variant =
          world.pick(List.of("", " (" + world.pick(PERIODS) + ")", " please", " for a report"));
      return new Draft(
              String.format(world.pick(asks), table.noun()) + variant, "schema", "multi-step")
          .call(
              LIST_TABLES,
              Obj.of("schema", "analytics"),
              Obj.of("schema", "analytics", "tables", names))
          .call(DESCRIBE_TABLE, Obj.of("table", table.name()), describe(table))
          .answer(
              "{{describe_table.table}} is keyed by {{describe_table.primary_key}} and holds "
                  + "{{describe_table.row_count}} rows (updated {{describe_table.updated_at}}).")
          .expect(
              new Expectation.AllOf(
                  List.of(
                      Expectations.trajectory(LIST_TABLES, DESCRIBE_TABLE),
                      new Expectation.Contains(
                          List.of(table.name() + " is keyed by " + table.key())))));
    };
  }

  /** Two rounds: the governed definition, then its SQL; the answer leads with the value (numeric, 1 cent). */
  static Intent metric() {
    List<String> asks =
        List.of(
            "What was %s %s?",
            "Give me %s for %s, using the official definition.", "%s %s - number first please.");
    return world -> {
      Metric metric = world.pick(METRICS);
      String period = world.pick(PERIODS);
      String segment = world.pick(SEGMENTS);
      int cents = world.between(10_000, 90_000_000);
      String sql =
          "SELECT "
              + metric.name()
              + " FROM "
              + metric.table()
              + " WHERE period = '"
              + period
              + "'"
              + (segment.isEmpty() ? "" : " AND segment = '" + segment + "'");
      ObjectNode definition = definition(metric);
      ObjectNode result = result(world, metric.name(), 0);
      ((ArrayNode) result.get("rows").get(0))
          .set(0, JsonNodeFactory.instance.numberNode(cents / 100.0));
      return new Draft(
              String.format(world.pick(asks), metric.words(), period)
                  + (segment.isEmpty() ? "" : " " + segment),
              "metric",
              "multi-step",
              "numeric")
          .call(METRIC, Obj.of("metric", metric.name()), definition)
          .call(RUN_SQL, Obj.of("query", sql), result)
          .answer(
              "{{run_sql.rows.0.0}}: {{get_metric_definition.meaning}} Source: "
                  + "{{get_metric_definition.source_table}}, query {{run_sql.query_id}}.")
          .expect(new Expectation.Numeric(cents / 100.0, 0.01, 0, null));
    };
  }

  /** Two rounds: the query, then a chart of its result; the link is checked with a regular expression. */
  static Intent chart() {
    List<String> asks =
        List.of(
            "Chart %s by %s for %s.",
            "Make me a chart of %s per %s over %s.", "Plot %s by %s, %s, as a chart I can share.");
    return world -> {
      Metric metric = world.pick(METRICS);
      String kind = world.pick(List.of("bar", "line"));
      String period = world.pick(PERIODS);
      String grain = world.pick(List.of("day", "week", "month"));
      String sql =
          "SELECT "
              + grain
              + ", "
              + metric.name()
              + " FROM "
              + metric.table()
              + " WHERE period = '"
              + period
              + "' GROUP BY "
              + grain;
      ObjectNode result = result(world, metric.name(), world.between(10, 9999));
      String chartId = world.code("CH", 6);
      String title = metric.words() + ", " + period;
      String input =
          String.format(world.pick(asks), metric.words(), grain, period)
              + (world.chance(0.5) ? "" : " Thanks!");
      return new Draft(input, "chart", "multi-step")
          .call(RUN_SQL, Obj.of("query", sql), result)
          .call(
              MAKE_CHART,
              Obj.of("query_id", result.get("query_id").asText(), "kind", kind, "title", title),
              Obj.of("chart_id", chartId, "url", "https://bi.example.com/charts/" + chartId))
          .answer("Here is the {{make_chart.chart_id}} chart: {{make_chart.url}}")
          .expect(
              new Expectation.AllOf(
                  List.of(
                      Expectations.trajectory(RUN_SQL, MAKE_CHART),
                      new Expectation.Regex(
                          "https://bi\\.example\\.com/charts/" + chartId + "\\b", ""))));
    };
  }

  /** Two tools in parallel: the metric's definition and the table it should come from; the answer is JSON. */
  static Intent lineage() {
    List<String> asks =
        List.of(
            "Does %s come from the %s table? Reply as JSON with source_table and columns (the "
                + "column count of the %2$s table).",
            "JSON please, keys source_table and columns: where is %s computed, and "
                + "how wide is the %s table?");
    return world -> {
      Metric metric = world.pick(METRICS);
      Table table = world.pick(TABLES);
      String variant = world.pick(List.of("", " Thanks.", " For the data catalog.", " Quick one."));
      return new Draft(
              String.format(world.pick(asks), metric.words(), table.noun()) + variant,
              "lineage",
              "parallel",
              "json")
          .parallel(
              new Draft.Call(METRIC, Obj.of("metric", metric.name()), definition(metric)),
              new Draft.Call(DESCRIBE_TABLE, Obj.of("table", table.name()), describe(table)))
          .answer(
              "{\"source_table\": \"{{get_metric_definition.source_table}}\", \"columns\": "
                  + "{{describe_table.column_count}}}")
          .expect(new Expectation.JsonField("/source_table", metric.table()));
    };
  }

  /** Two rounds: the query, then its export; the download link comes from the export. */
  static Intent export() {
    List<String> asks =
        List.of(
            "Export all %s from %s as CSV.",
            "I need a CSV of %s %s.", "Send me a download of the %s, %s.");
    return world -> {
      Table table = world.pick(TABLES);
      String period = world.pick(PERIODS);
      String segment = world.pick(SEGMENTS);
      String sql =
          "SELECT * FROM "
              + table.name()
              + " WHERE period = '"
              + period
              + "'"
              + (segment.isEmpty() ? "" : " AND segment = '" + segment + "'");
      ObjectNode result = result(world, table.key(), world.between(1, 99999));
      String file = world.code("EX", 8);
      return new Draft(
              (String.format(world.pick(asks), table.noun(), period) + " " + segment).trim(),
              "export",
              "multi-step")
          .call(RUN_SQL, Obj.of("query", sql), result)
          .call(
              EXPORT_CSV,
              Obj.of("query_id", result.get("query_id").asText()),
              Obj.of(
                  "url",
                  "https://bi.example.com/exports/" + file + ".csv",
                  "rows",
                  world.between(10, 500_000),
                  "expires_at",
                  world.daysAhead(1, 7)))
          .answer(
              "Your CSV is ready: {{export_csv.url}} ({{export_csv.rows}} rows, link valid until "
                  + "{{export_csv.expires_at}}).")
          .expectContains(file + ".csv");
    };
  }

  /** What describe_table answers for {@code table}: the same in every item, as the warehouse is one. */
  static ObjectNode describe(Table table) {
    ArrayNode columns = JsonNodeFactory.instance.arrayNode().add(table.key());
    table.columns().forEach(columns::add);
    int index = TABLES.indexOf(table);
    return Obj.of(
        "table",
        table.name(),
        "primary_key",
        table.key(),
        "row_count",
        48_211 + 731_907 * index,
        "columns",
        columns,
        "column_count",
        columns.size(),
        "updated_at",
        World.TODAY.minusDays(1).toString());
  }

  /** What get_metric_definition answers for {@code metric}, the same in every item. */
  static ObjectNode definition(Metric metric) {
    return Obj.of(
        "metric",
        metric.name(),
        "meaning",
        "The governed " + metric.words() + ".",
        "source_table",
        metric.table(),
        "sql_template",
        "SELECT " + metric.name() + " FROM " + metric.table() + " WHERE period = :period");
  }

  private static ObjectNode result(World world, String column, int value) {
    return Obj.of(
        "query_id",
        world.code("Q", 8),
        "columns",
        JsonNodeFactory.instance.arrayNode().add(column),
        "rows",
        JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.arrayNode().add(value)),
        "row_count",
        1,
        "elapsed_ms",
        world.between(40, 9000));
  }
}

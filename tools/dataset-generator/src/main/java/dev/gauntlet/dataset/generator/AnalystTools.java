package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.Schemas.oneOf;
import static dev.gauntlet.dataset.generator.Schemas.schema;
import static dev.gauntlet.dataset.generator.Schemas.text;

import dev.gauntlet.dataset.ToolDef;
import java.util.List;

/** The data-analyst agent's catalog, modelled on a warehouse with a BI layer. */
final class AnalystTools {

  static final String LIST_TABLES = "list_tables";
  static final String DESCRIBE_TABLE = "describe_table";
  static final String RUN_SQL = "run_sql";
  static final String MAKE_CHART = "make_chart";
  static final String METRIC = "get_metric_definition";
  static final String EXPORT_CSV = "export_csv";

  private AnalystTools() {}

  static List<ToolDef> catalog() {
    return List.of(
        new ToolDef(
            LIST_TABLES,
            "List the warehouse's tables in a schema.",
            schema(Obj.of("schema", text("Schema name, such as analytics.")), "schema")),
        new ToolDef(
            DESCRIBE_TABLE,
            "Describe a table: columns, types, primary key and row count.",
            schema(
                Obj.of("table", text("Qualified table name, such as analytics.orders.")), "table")),
        new ToolDef(
            RUN_SQL,
            "Run a read-only SQL query; returns columns, rows and a query id.",
            schema(Obj.of("query", text("One SELECT statement.")), "query")),
        new ToolDef(
            MAKE_CHART,
            "Draw a chart from a query's result.",
            schema(
                Obj.of(
                    "query_id",
                    text("The id run_sql returned."),
                    "kind",
                    oneOf("Chart type.", "bar", "line", "pie"),
                    "title",
                    text("Chart title.")),
                "query_id",
                "kind",
                "title")),
        new ToolDef(
            METRIC,
            "The governed definition of a business metric: meaning, source table and SQL.",
            schema(Obj.of("metric", text("Metric name, such as net_revenue.")), "metric")),
        new ToolDef(
            EXPORT_CSV,
            "Export a query's result as a CSV file and return a download link.",
            schema(Obj.of("query_id", text("The id run_sql returned.")), "query_id")));
  }
}

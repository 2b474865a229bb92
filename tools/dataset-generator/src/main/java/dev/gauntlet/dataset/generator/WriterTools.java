package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.Schemas.oneOf;
import static dev.gauntlet.dataset.generator.Schemas.schema;
import static dev.gauntlet.dataset.generator.Schemas.text;

import dev.gauntlet.dataset.ToolDef;
import java.util.List;

/** The content-writer agent's catalog, modelled on a newsroom's research, style and publishing tools. */
final class WriterTools {

  static final String SEARCH_SOURCES = "search_sources";
  static final String GET_SOURCE = "get_source";
  static final String STYLE_GUIDE = "get_style_guide";
  static final String PLAGIARISM = "check_plagiarism";
  static final String PUBLISH = "publish_draft";
  static final String KEYWORDS = "get_keywords";

  private WriterTools() {}

  static List<ToolDef> catalog() {
    return List.of(
        new ToolDef(
            SEARCH_SOURCES,
            "Search vetted sources (reports, studies, articles) for a topic.",
            schema(Obj.of("query", text("What to look for.")), "query")),
        new ToolDef(
            GET_SOURCE,
            "Read one source: title, author, date, a quotable passage and its link.",
            schema(Obj.of("source_id", text("The id search_sources returned.")), "source_id")),
        new ToolDef(
            STYLE_GUIDE,
            "A brand's style guide: voice, length limits, banned words, required disclaimer.",
            schema(Obj.of("brand", text("Brand name.")), "brand")),
        new ToolDef(
            PLAGIARISM,
            "Compare a text with the web and the archive; returns the similarity in percent.",
            schema(Obj.of("text", text("The text to check.")), "text")),
        new ToolDef(
            PUBLISH,
            "Save a draft to the CMS for an editor to review (never goes live by itself).",
            schema(
                Obj.of(
                    "title",
                    text("Headline."),
                    "body",
                    text("The text, in Markdown."),
                    "channel",
                    oneOf("Where it will appear.", "blog", "newsletter", "social")),
                "title",
                "body",
                "channel")),
        new ToolDef(
            KEYWORDS,
            "Search keywords for a topic, with monthly search volume.",
            schema(Obj.of("topic", text("The topic, in a few words.")), "topic")));
  }
}

package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.WriterTools.GET_SOURCE;
import static dev.gauntlet.dataset.generator.WriterTools.KEYWORDS;
import static dev.gauntlet.dataset.generator.WriterTools.PLAGIARISM;
import static dev.gauntlet.dataset.generator.WriterTools.PUBLISH;
import static dev.gauntlet.dataset.generator.WriterTools.SEARCH_SOURCES;
import static dev.gauntlet.dataset.generator.WriterTools.STYLE_GUIDE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.dataset.Expectation;
import java.util.List;
import java.util.Locale;

/** What editors ask a writing agent: style rules, sourced facts, originality checks, keywords, drafts. */
final class ContentWriterIntents {

  private static final List<String> BRANDS =
      List.of(
          "Northwind",
          "Contoso",
          "Fabrikam",
          "Tailspin",
          "Litware",
          "Adventure Works",
          "Wingtip",
          "Proseware");
  private static final List<String> TOPICS =
      List.of(
          "remote work",
          "heat pumps",
          "home composting",
          "electric bikes",
          "sleep hygiene",
          "password managers",
          "trail running",
          "indoor plants",
          "solar panels",
          "meal prep",
          "budget travel",
          "cold brew coffee");
  private static final List<String> VOICES =
      List.of(
          "warm and plain-spoken",
          "crisp and expert",
          "playful but precise",
          "calm and reassuring");
  private static final List<String> OUTLETS =
      List.of(
          "Energy Review",
          "Health Quarterly",
          "Urban Studies Journal",
          "Consumer Lab",
          "Travel Ledger",
          "Tech Monitor");
  private static final List<String> SENTENCES =
      List.of(
          "Our new line is lighter and lasts longer than ever",
          "Small habits add up to big savings over a year",
          "Here is what experts recommend before you buy",
          "Most people get this wrong the first time",
          "A quick guide to getting started this weekend");

  private static final List<String> ASPECTS =
      List.of("costs", "benefits", "risks", "adoption", "myths", "trends");
  private static final List<String> AUDIENCES =
      List.of(
          "for renters",
          "for students",
          "for parents",
          "for retirees",
          "for small businesses",
          "for beginners");

  private ContentWriterIntents() {}

  /** What get_style_guide answers for {@code brand}: the same in every item, as a brand has one guide. */
  static ObjectNode guide(String brand) {
    int index = BRANDS.indexOf(brand);
    return Obj.of(
        "brand",
        brand,
        "voice",
        VOICES.get(index % VOICES.size()),
        "max_words",
        150 + 130 * index,
        "banned_words",
        Schemas.array("revolutionary", "game-changer"),
        "disclaimer",
        "Sponsored content, " + brand + " ref " + (4111 + 379 * index));
  }

  /** One call to the style guide: the disclaimer (contains) or the word limit (numeric). */
  static Intent styleRules() {
    return world -> {
      String brand = world.pick(BRANDS);
      String channel = world.pick(List.of("blog", "newsletter", "social", "website", "press page"));
      ObjectNode guide = guide(brand);
      int maxWords = guide.get("max_words").asInt();
      String disclaimer = guide.get("disclaimer").asText();
      if (world.chance(0.5)) {
        return new Draft(
                String.format(
                    world.pick(
                        List.of(
                            "How long can a %s %s piece be? Number first.",
                            "Word limit for %s on the %s? Lead with the number.")),
                    brand,
                    channel),
                "style",
                "numeric")
            .call(STYLE_GUIDE, Obj.of("brand", brand), guide)
            .answer(
                "{{get_style_guide.max_words}} words at most, in a {{get_style_guide.voice}} voice.")
            .expect(new Expectation.Numeric(maxWords, 0, 0, null));
      }
      return new Draft(
              String.format(
                  world.pick(
                      List.of(
                          "Which disclaimer does %s require on the %s?",
                          "What do I have to put at the end of a %s %s post?")),
                  brand,
                  channel),
              "style",
              "disclaimer")
          .call(STYLE_GUIDE, Obj.of("brand", brand), guide)
          .answer("End with: \"{{get_style_guide.disclaimer}}\". Voice: {{get_style_guide.voice}}.")
          .expectContains(disclaimer);
    };
  }

  /** Two rounds: search the sources, then read the best one; the answer quotes it with its link. */
  static Intent sourcedFact() {
    List<String> asks =
        List.of(
            "Find me a quotable stat on %s with its source.",
            "I need one sourced fact about %s.",
            "What does the research say about %s? Cite it.",
            "Give me a citation I can use in a piece on %s.");
    return world -> {
      String topic = world.pick(TOPICS) + " " + world.pick(ASPECTS);
      String sourceId = world.code("S-", 6);
      String outlet = world.pick(OUTLETS);
      int percent = world.between(12, 87);
      String quote =
          percent
              + "% of people surveyed said "
              + topic
              + " "
              + world.pick(
                  List.of(
                      "saved them money",
                      "improved their week",
                      "was easier than expected",
                      "changed their routine"));
      String url = "https://sources.example.org/" + sourceId.toLowerCase(Locale.ROOT);
      ArrayNode results =
          JsonNodeFactory.instance
              .arrayNode()
              .add(
                  Obj.of(
                      "source_id",
                      sourceId,
                      "title",
                      outlet + " survey on " + topic,
                      "score",
                      0.93));
      String variant =
          world.pick(List.of("", " Thanks.", " Quick please.", " For the Friday issue."));
      return new Draft(String.format(world.pick(asks), topic) + variant, "research", "multi-step")
          .call(SEARCH_SOURCES, Obj.of("query", topic), Obj.of("query", topic, "results", results))
          .call(
              GET_SOURCE,
              Obj.of("source_id", sourceId),
              Obj.of(
                  "source_id",
                  sourceId,
                  "title",
                  outlet + " survey on " + topic,
                  "published",
                  world.daysAgo(20, 700),
                  "quote",
                  quote,
                  "url",
                  url))
          .answer(
              "\"{{get_source.quote}}\" ({{get_source.title}}, {{get_source.published}}): {{get_source.url}}")
          .expect(
              new Expectation.AllOf(
                  List.of(
                      Expectations.trajectory(SEARCH_SOURCES, GET_SOURCE),
                      new Expectation.Contains(List.of(url, quote)))));
    };
  }

  /** One call: the similarity in percent leads the answer (numeric, 0.1 tolerance). */
  static Intent plagiarism() {
    return world -> {
      String text =
          world.pick(SENTENCES)
              + ", says "
              + world.customer().name()
              + " about "
              + world.pick(TOPICS);
      double similarity = world.between(0, 950) / 10.0;
      String match = "https://web.example.net/" + world.code("p", 6).toLowerCase(Locale.ROOT);
      return new Draft(
              String.format(
                  world.pick(
                      List.of(
                          "Is this original enough? \"%s\"",
                          "Run a plagiarism check on: %s", "Check originality: '%s'")),
                  text),
              "originality")
          .call(
              PLAGIARISM,
              Obj.of("text", text),
              Obj.of(
                  "similarity_percent",
                  JsonNodeFactory.instance.numberNode(similarity),
                  "top_match_url",
                  match,
                  "verdict",
                  similarity < 25 ? "original" : "review"))
          .answer(
              "{{check_plagiarism.similarity_percent}}% similar to existing text (closest: "
                  + "{{check_plagiarism.top_match_url}}), verdict: {{check_plagiarism.verdict}}.")
          .expect(new Expectation.Numeric(similarity, 0.1, 0, null));
    };
  }

  /** The style guide and the originality check in parallel, then the draft is saved; the link is a regex. */
  static Intent publish() {
    return world -> {
      String brand = world.pick(BRANDS);
      String topic = world.pick(TOPICS);
      String title =
          world.pick(List.of("Why ", "How ", "What to know about "))
              + topic
              + world.pick(List.of(" matters now", " works", " in five minutes", ", explained"));
      String body = world.pick(SENTENCES) + ": " + title.toLowerCase(Locale.ROOT) + ".";
      String channel = world.pick(List.of("blog", "newsletter"));
      String draftId = world.code("D-", 7);
      return new Draft(
              String.format(
                      world.pick(
                          List.of(
                              "Check \"%s\" against %s's style guide and for plagiarism, "
                                  + "then save it as a draft: %s",
                              "Draft for %2$s, titled \"%1$s\": %3$s Check style and originality, "
                                  + "then put it in the CMS.")),
                      title,
                      brand,
                      body)
                  + " ("
                  + channel
                  + ")",
              "publish",
              "parallel",
              "multi-step")
          .parallel(
              new Draft.Call(STYLE_GUIDE, Obj.of("brand", brand), guide(brand)),
              new Draft.Call(
                  PLAGIARISM,
                  Obj.of("text", body),
                  Obj.of("similarity_percent", world.between(0, 12), "verdict", "original")))
          .call(
              PUBLISH,
              Obj.of("title", title, "body", body, "channel", channel),
              Obj.of(
                  "draft_id",
                  draftId,
                  "status",
                  "awaiting_review",
                  "url",
                  "https://cms.example.com/drafts/" + draftId))
          .answer(
              "Saved as draft {{publish_draft.draft_id}} ({{publish_draft.status}}): {{publish_draft.url}}. "
                  + "Similarity was {{check_plagiarism.similarity_percent}}%.")
          .expect(
              new Expectation.AllOf(
                  List.of(
                      Expectations.parallelThen(List.of(STYLE_GUIDE, PLAGIARISM), PUBLISH),
                      new Expectation.Regex("cms\\.example\\.com/drafts/" + draftId + "\\b", ""))));
    };
  }

  /** One call; the answer is JSON whose primary keyword comes from the tool. */
  static Intent keywords() {
    return world -> {
      String topic = world.pick(TOPICS) + " " + world.pick(AUDIENCES);
      String term =
          world.pick(List.of("best ", "how to start ", "cheap ", "beginner "))
              + topic
              + " "
              + world.pick(List.of("guide", "tips", "2025", "for families", "checklist"));
      String input =
          String.format(
                  world.pick(
                      List.of(
                          "Top keyword for %s? Reply as JSON {primary_keyword, volume}.",
                          "JSON only: the primary_keyword and its volume for an article on %s.",
                          "SEO: give me {\"primary_keyword\": …, \"volume\": …} for %s.")),
                  topic)
              + world.pick(List.of("", " Thanks.", " US market.", " Asap."));
      ArrayNode list =
          JsonNodeFactory.instance
              .arrayNode()
              .add(
                  Obj.of(
                      "term",
                      term,
                      "monthly_searches",
                      world.between(300, 90_000),
                      "difficulty",
                      world.between(5, 80)));
      return new Draft(input, "seo", "json")
          .call(KEYWORDS, Obj.of("topic", topic), Obj.of("topic", topic, "keywords", list))
          .answer(
              "{\"primary_keyword\": \"{{get_keywords.keywords.0.term}}\", \"volume\": "
                  + "{{get_keywords.keywords.0.monthly_searches}}}")
          .expect(new Expectation.JsonField("/primary_keyword", term));
    };
  }
}

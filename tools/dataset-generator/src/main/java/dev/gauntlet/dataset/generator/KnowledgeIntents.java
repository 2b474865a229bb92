package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.SupportTools.SEARCH_KB;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Policy questions answered from the help center ({@code search_kb}), and small talk answered without tools. */
final class KnowledgeIntents {

  /** A help-center article; {@code fact} is the part of the snippet a right answer must repeat. */
  record Article(
      String id, String query, String title, String snippet, String fact, List<String> questions) {}

  static final List<Article> ARTICLES =
      List.of(
          new Article(
              "KB-1042",
              "return policy",
              "Returns and refunds",
              "Most items can be returned within 30 days of delivery for a full refund.",
              "within 30 days",
              List.of(
                  "What's your return policy?",
                  "How long do I have to send something back?",
                  "Can I still return stuff I bought recently?")),
          new Article(
              "KB-1107",
              "shipping costs",
              "Shipping rates",
              "Standard shipping is free on orders over $50; below that it costs $5.99.",
              "free on orders over $50",
              List.of(
                  "How much is shipping?",
                  "Do you charge for delivery?",
                  "Is there a minimum for free delivery?")),
          new Article(
              "KB-1213",
              "international shipping",
              "Shipping outside the US",
              "We ship to 42 countries; duties are collected at checkout.",
              "42 countries",
              List.of(
                  "Do you ship to Canada?",
                  "Can I order from Europe?",
                  "Which countries do you deliver to?")),
          new Article(
              "KB-1320",
              "exchange size",
              "Exchanging an item",
              "Exchanges for a different size are free and ship within 2 business days of the return scan.",
              "2 business days",
              List.of(
                  "How do I swap for a different size?",
                  "Can I exchange shoes for a bigger size?",
                  "Is an exchange free?")),
          new Article(
              "KB-1408",
              "warranty",
              "Product warranty",
              "Electronics carry a 2-year limited warranty from the date of delivery.",
              "2-year limited warranty",
              List.of(
                  "Is my headphones purchase under warranty?",
                  "What warranty do electronics have?",
                  "My speaker broke after a year, is that covered?")),
          new Article(
              "KB-1519",
              "payment methods",
              "Ways to pay",
              "We accept Visa, Mastercard, Amex, PayPal and Klarna pay-in-4.",
              "Klarna pay-in-4",
              List.of(
                  "Can I pay in installments?",
                  "Which payment methods do you take?",
                  "Do you accept PayPal?")),
          new Article(
              "KB-1625",
              "gift cards",
              "Gift cards",
              "Gift cards never expire and can be combined with one promo code per order.",
              "never expire",
              List.of(
                  "Do gift cards expire?",
                  "Can I use a gift card with a discount code?",
                  "How long is a gift card valid?")),
          new Article(
              "KB-1731",
              "price match",
              "Price match guarantee",
              "If the price drops within 14 days of purchase, we refund the difference on request.",
              "within 14 days",
              List.of(
                  "The price dropped right after I bought it, can I get the difference?",
                  "Do you price match?",
                  "Something I ordered went on sale. Anything you can do?")),
          new Article(
              "KB-1844",
              "cancel order",
              "Cancelling an order",
              "Orders can be cancelled free of charge until they are packed, usually within 1 hour.",
              "within 1 hour",
              List.of(
                  "How do I cancel an order?",
                  "Is it too late to cancel?",
                  "Can I cancel something I ordered this morning?")),
          new Article(
              "KB-1952",
              "student discount",
              "Student discount",
              "Verified students get 15% off full-price items through UNiDAYS.",
              "15% off",
              List.of(
                  "Do you have a student discount?",
                  "I'm at university, any deals?",
                  "Is there an education discount?")));

  private static final List<String> OPENERS =
      List.of(
          "",
          "Hi! ",
          "Hello, quick question: ",
          "Hey there. ",
          "Good morning! ",
          "Sorry to bother you, ");
  private static final List<String> CLOSERS =
      List.of("", " Thanks!", " Thank you.", " Cheers", " Thanks in advance.");

  private KnowledgeIntents() {}

  static Intent searchKb() {
    return world -> {
      Article article = world.pick(ARTICLES);
      int total = world.between(2, 9);
      ObjectNode results =
          Obj.of(
              "query",
              article.query(),
              "total_results",
              total,
              "top_result",
              Obj.of(
                  "article_id",
                  article.id(),
                  "title",
                  article.title(),
                  "snippet",
                  article.snippet(),
                  "url",
                  "https://help.example.com/articles/"
                      + article.id().toLowerCase(java.util.Locale.ROOT)));
      return new Draft(
              phrase(world, world.pick(article.questions())),
              "knowledge-base",
              article.query().replace(' ', '-'))
          .call(SEARCH_KB, Obj.of("query", article.query()), results)
          .answer(
              "{{search_kb.top_result.snippet}} (from our help center: {{search_kb.top_result.title}}, "
                  + "{{search_kb.top_result.article_id}})")
          .expectContains(article.id(), article.fact());
    };
  }

  /** Questions any support agent answers from its instructions, without tools. */
  static Intent faq() {
    List<String[]> faqs =
        List.of(
            new String[] {
              "What are your support hours?",
              "Our support team is available 24/7 by chat and email.",
              "24/7"
            },
            new String[] {
              "Are you a bot or a human?",
              "I'm an AI assistant; I can hand you to a human agent anytime.",
              "AI assistant"
            },
            new String[] {
              "What's your phone number?",
              "You can call us on 1-800-555-0199, 8am to 8pm ET.",
              "1-800-555-0199"
            },
            new String[] {
              "Where is your head office?",
              "Our head office is at 100 Example Plaza, Portland, OR.",
              "100 Example Plaza"
            },
            new String[] {
              "Can I speak in Spanish?",
              "Yes, support is available in English, Spanish and French.",
              "Spanish and French"
            },
            new String[] {
              "Do you have an app?",
              "Yes, our app is on the App Store and Google Play.",
              "Google Play"
            });
    return world -> {
      String[] faq = world.pick(faqs);
      return new Draft(phrase(world, faq[0]), "faq", "no-tools")
          .answer(faq[1])
          .expectContains(faq[2]);
    };
  }

  static String phrase(World world, String question) {
    return world.pick(OPENERS)
        + (world.chance(0.3) ? question.toLowerCase(java.util.Locale.ROOT) : question)
        + world.pick(CLOSERS);
  }
}

package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.SupportTools.CHECK_REFUND;
import static dev.gauntlet.dataset.generator.SupportTools.ISSUE_REFUND;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Refund requests: eligibility first, then the refund for the amount the eligibility check allows. */
final class RefundIntents {

  private static final List<String> REQUESTS =
      List.of(
          "I want a refund for order %s, the %s arrived damaged.",
          "Please refund my order %s. The %s doesn't fit.",
          "Can I get my money back for %s? The %s isn't what I expected.",
          "The %2$s from order %1$s stopped working after two days. Refund please.",
          "Refund order %s please, I returned the %s last week.",
          "hi, I'd like to return the %2$s (order %1$s) and get a refund",
          "%3$s here - I need a refund on %1$s, the %2$s came in the wrong colour.");
  private static final List<String> DENIALS =
      List.of(
          "the 30-day return window closed on %s",
          "it is a final-sale item, marked as such at checkout on %s",
          "it was already refunded on %s");

  private RefundIntents() {}

  /** Two sequential calls: the refund's amount comes from the eligibility check's result. */
  static Intent eligible() {
    return world -> {
      String orderId = world.orderId();
      int cents = world.between(900, 25000);
      ObjectNode eligibility =
          Obj.of(
              "order_id",
              orderId,
              "eligible",
              true,
              "refundable_amount_cents",
              cents,
              "refundable_amount",
              World.money(cents),
              "currency",
              "USD",
              "return_window_ends",
              world.daysAhead(3, 25));
      String refundId = world.code("RF-", 8);
      String expectedBy = world.daysAhead(3, 10);
      ObjectNode refund =
          Obj.of(
              "refund_id",
              refundId,
              "order_id",
              orderId,
              "amount_cents",
              cents,
              "amount",
              World.money(cents),
              "currency",
              "USD",
              "method",
              "original payment method",
              "expected_by",
              expectedBy);
      return request(world, orderId, "multi-step")
          .call(CHECK_REFUND, Obj.of("order_id", orderId), eligibility)
          .call(ISSUE_REFUND, Obj.of("order_id", orderId, "amount_cents", cents), refund)
          .answer(
              "Done: refund {{issue_refund.refund_id}} of {{issue_refund.amount}} {{issue_refund.currency}} for "
                  + "order {{issue_refund.order_id}} is on its way to your {{issue_refund.method}}. Expect it by "
                  + "{{issue_refund.expected_by}}.")
          .expectContains(refundId, World.money(cents));
    };
  }

  static Intent notEligible() {
    return world -> {
      String orderId = world.orderId();
      String date = world.daysAgo(5, 60);
      ObjectNode eligibility =
          Obj.of(
              "order_id",
              orderId,
              "eligible",
              false,
              "refundable_amount_cents",
              0,
              "reason",
              String.format(world.pick(DENIALS), date));
      return request(world, orderId, "denied")
          .call(CHECK_REFUND, Obj.of("order_id", orderId), eligibility)
          .answer(
              "I'm sorry, order {{check_refund_eligibility.order_id}} can't be refunded: "
                  + "{{check_refund_eligibility.reason}}. I can open a ticket if you think that's wrong.")
          .expectContains(date);
    };
  }

  private static Draft request(World world, String orderId, String tag) {
    String input =
        String.format(
            world.pick(REQUESTS),
            orderId,
            Orders.product(world).toLowerCase(java.util.Locale.ROOT),
            world.customer().first());
    return new Draft(input, "refunds", tag);
  }
}

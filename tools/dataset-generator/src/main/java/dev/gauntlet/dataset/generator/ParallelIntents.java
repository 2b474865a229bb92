package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.SupportTools.CHECK_REFUND;
import static dev.gauntlet.dataset.generator.SupportTools.GET_CUSTOMER;
import static dev.gauntlet.dataset.generator.SupportTools.LOOKUP_ORDER;
import static dev.gauntlet.dataset.generator.SupportTools.SEARCH_KB;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Requests that need two different tools at once, which the scripted model calls in parallel in one step. */
final class ParallelIntents {

  private ParallelIntents() {}

  static Intent orderAndPoints() {
    List<String> questions =
        List.of(
            "I'm %s. What's the ETA on order %s, and how many points do I have now?",
            "Two things: when does %2$s arrive, and what's my points balance? Email %1$s",
            "Account %s: status of order %s and my loyalty points please.");
    return world -> {
      World.Customer customer = world.customer();
      String orderId = world.orderId();
      ObjectNode order =
          Orders.order(world, orderId, "shipped", Orders.product(world), world.parcel());
      ObjectNode account = AccountIntents.customer(world, customer);
      return new Draft(
              String.format(world.pick(questions), customer.email(), orderId),
              "orders",
              "account",
              "parallel")
          .parallel(
              new Draft.Call(LOOKUP_ORDER, Obj.of("order_id", orderId), order),
              new Draft.Call(GET_CUSTOMER, Obj.of("email", customer.email()), account))
          .answer(
              "Order {{lookup_order.order_id}} has {{lookup_order.status}} and should arrive by "
                  + "{{lookup_order.shipping.estimated_delivery}}. You have {{get_customer.loyalty_points}} points.")
          .expectContains(
              order.at("/shipping/estimated_delivery").asText(),
              account.get("loyalty_points").asText());
    };
  }

  static Intent deliveredAndReturnable() {
    List<String> questions =
        List.of(
            "When was order %s delivered, and can I still return it?",
            "Order %s: I wasn't home, did it get delivered? And is it still returnable?",
            "Was %s actually delivered? If so, am I still in time to send it back?");
    return world -> {
      String orderId = world.orderId();
      ObjectNode order =
          Orders.order(world, orderId, "delivered", Orders.product(world), world.parcel());
      int cents = world.between(900, 20000);
      String windowEnds = world.daysAhead(5, 28);
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
              windowEnds);
      return new Draft(
              String.format(world.pick(questions), orderId), "orders", "refunds", "parallel")
          .parallel(
              new Draft.Call(LOOKUP_ORDER, Obj.of("order_id", orderId), order),
              new Draft.Call(CHECK_REFUND, Obj.of("order_id", orderId), eligibility))
          .answer(
              "Order {{lookup_order.order_id}} was delivered on {{lookup_order.shipping.delivered_at}}. You can "
                  + "return it until {{check_refund_eligibility.return_window_ends}} for up to "
                  + "{{check_refund_eligibility.refundable_amount}} {{check_refund_eligibility.currency}}.")
          .expectContains(order.at("/shipping/delivered_at").asText(), windowEnds);
    };
  }

  static Intent orderAndPolicy() {
    List<String> questions =
        List.of(
            "Order %s isn't what I hoped. What's your return policy, and what did I pay?",
            "How much was order %s, and how long do I have to return it?",
            "Thinking of returning %s. What was the total and what's the policy?");
    KnowledgeIntents.Article policy = KnowledgeIntents.ARTICLES.get(0);
    return world -> {
      String orderId = world.orderId();
      ObjectNode order =
          Orders.order(world, orderId, "delivered", Orders.product(world), world.parcel());
      ObjectNode results =
          Obj.of(
              "query",
              policy.query(),
              "total_results",
              world.between(2, 9),
              "top_result",
              Obj.of(
                  "article_id", policy.id(), "title", policy.title(), "snippet", policy.snippet()));
      return new Draft(
              String.format(world.pick(questions), orderId), "orders", "knowledge-base", "parallel")
          .parallel(
              new Draft.Call(LOOKUP_ORDER, Obj.of("order_id", orderId), order),
              new Draft.Call(SEARCH_KB, Obj.of("query", policy.query()), results))
          .answer(
              "Order {{lookup_order.order_id}} came to {{lookup_order.total}} {{lookup_order.currency}}. "
                  + "{{search_kb.top_result.snippet}} ({{search_kb.top_result.article_id}})")
          .expectContains(order.get("total").asText(), policy.fact());
    };
  }
}

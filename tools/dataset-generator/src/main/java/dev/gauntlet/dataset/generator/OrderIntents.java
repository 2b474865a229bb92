package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.SupportTools.LOOKUP_ORDER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.dataset.Expectation;
import java.util.List;

/** Questions about one order, answered from {@code lookup_order}: as prose, as a bare value, as JSON. */
final class OrderIntents {

  private static final List<String> STATUS_QUESTIONS =
      List.of(
          "Where is my order %s?",
          "Hi, can you check the status of order %s?",
          "I placed order %s a while ago and haven't heard anything. What's going on with it?",
          "Any update on %s? Thanks, %s",
          "hello! order number %s, what's happening with it please",
          "Could you tell me where things stand with my order #%s?",
          "%2$s here. Checking in on order %1$s.",
          "What's the current status of %s? - %s",
          "status of order %s??",
          "My order %s: can you look it up for me? I'm %s.");
  private static final List<String> STATUSES =
      List.of("processing", "shipped", "shipped", "delivered", "cancelled");

  private OrderIntents() {}

  static Intent status() {
    return world -> {
      World.Customer customer = world.customer();
      String orderId = world.orderId();
      String status = world.pick(STATUSES);
      ObjectNode order =
          Orders.order(world, orderId, status, Orders.product(world), world.parcel());
      String input = String.format(world.pick(STATUS_QUESTIONS), orderId, customer.first());
      Draft draft =
          new Draft(input, "orders", "order-status")
              .call(LOOKUP_ORDER, Obj.of("order_id", orderId), order);
      switch (status) {
        case "processing":
          return draft
              .answer(
                  "Order {{lookup_order.order_id}} is still {{lookup_order.status}}. It should leave "
                      + "our warehouse by {{lookup_order.estimated_ship_date}}, and you'll get a tracking number then.")
              .expectContains(status, order.get("estimated_ship_date").asText());
        case "shipped":
          return draft
              .answer(
                  "Good news: order {{lookup_order.order_id}} has {{lookup_order.status}} with "
                      + "{{lookup_order.shipping.carrier}} and should arrive by {{lookup_order.shipping.estimated_delivery}}.")
              .expectContains(status, order.at("/shipping/estimated_delivery").asText());
        case "delivered":
          return draft
              .answer(
                  "Order {{lookup_order.order_id}} was {{lookup_order.status}} on "
                      + "{{lookup_order.shipping.delivered_at}} by {{lookup_order.shipping.carrier}}. If you can't find it, "
                      + "let me know and I'll open an investigation.")
              .expectContains(status, order.at("/shipping/delivered_at").asText());
        default:
          return draft
              .answer(
                  "Order {{lookup_order.order_id}} was {{lookup_order.status}} on "
                      + "{{lookup_order.cancelled_at}}; the total of {{lookup_order.total}} {{lookup_order.currency}} was "
                      + "{{lookup_order.refund_status}}.")
              .expectContains(
                  status, order.get("cancelled_at").asText(), order.get("total").asText());
      }
    };
  }

  static Intent trackingNumberOnly() {
    List<String> questions =
        List.of(
            "Reply with only the tracking number for order %s, nothing else.",
            "I just need the tracking number of %s. Only the number please, no other text.",
            "Tracking number for order %s? Answer with the number alone.",
            "Give me the bare tracking number for my order %s (just the number, I'm pasting it into a form).");
    return world -> {
      String orderId = world.orderId();
      ObjectNode order =
          Orders.order(world, orderId, "shipped", Orders.product(world), world.parcel());
      return new Draft(
              String.format(world.pick(questions), orderId), "orders", "tracking-number", "exact")
          .call(LOOKUP_ORDER, Obj.of("order_id", orderId), order)
          .answer("{{lookup_order.shipping.tracking_number}}")
          .expect(new Expectation.Exact(order.at("/shipping/tracking_number").asText()));
    };
  }

  static Intent statusAsJson() {
    List<String> questions =
        List.of(
            "Return the status of order %s as JSON with the fields order_id and status, and nothing else.",
            "For our integration: reply with a JSON object {\"order_id\": ..., \"status\": ...} for order %s.",
            "JSON only please: order_id and status of order %s.",
            "Output machine-readable JSON (keys order_id, status) describing order %s.");
    return world -> {
      String orderId = world.orderId();
      String status = world.pick(STATUSES);
      ObjectNode order =
          Orders.order(world, orderId, status, Orders.product(world), world.parcel());
      return new Draft(
              String.format(world.pick(questions), orderId), "orders", "order-status", "json")
          .call(LOOKUP_ORDER, Obj.of("order_id", orderId), order)
          .answer(
              "{\"order_id\": \"{{lookup_order.order_id}}\", \"status\": \"{{lookup_order.status}}\"}")
          .expect(new Expectation.JsonField("/status", status));
    };
  }
}

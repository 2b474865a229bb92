package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.SupportTools.LOOKUP_ORDER;
import static dev.gauntlet.dataset.generator.SupportTools.TRACK_SHIPMENT;
import static dev.gauntlet.dataset.generator.SupportTools.UPDATE_ADDRESS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Where a parcel is, and where it should go: {@code track_shipment} and {@code update_shipping_address}. */
final class ShippingIntents {

  private static final String TRACKING_ANSWER =
      "Your {{track_shipment.carrier}} parcel "
          + "{{track_shipment.tracking_number}} is {{track_shipment.status_description}}: last scanned in "
          + "{{track_shipment.last_location}} at {{track_shipment.last_scan_at}}, estimated delivery "
          + "{{track_shipment.estimated_delivery}}.";

  private ShippingIntents() {}

  /** Two sequential calls: the order gives the tracking number that the second call needs. */
  static Intent trackViaOrder() {
    List<String> questions =
        List.of(
            "When will order %s arrive?",
            "Where exactly is the package for order %s right now?",
            "Can you track my order %s? I need it by the weekend.",
            "Order %s says it shipped but I have no idea where it is. Can you track it?",
            "%2$s again: any idea when %1$s gets here?",
            "Is order %s still on its way? When should I expect it?",
            "Track order %s for me please");
    return world -> {
      String orderId = world.orderId();
      World.Parcel parcel = world.parcel();
      ObjectNode order = Orders.order(world, orderId, "shipped", Orders.product(world), parcel);
      ObjectNode tracking = tracking(world, parcel);
      String input = String.format(world.pick(questions), orderId, world.customer().first());
      return new Draft(input, "shipping", "tracking", "multi-step")
          .call(LOOKUP_ORDER, Obj.of("order_id", orderId), order)
          .call(TRACK_SHIPMENT, Obj.of("tracking_number", parcel.trackingNumber()), tracking)
          .answer(TRACKING_ANSWER)
          .expectContains(
              tracking.get("last_location").asText(), tracking.get("estimated_delivery").asText());
    };
  }

  static Intent trackDirect() {
    List<String> questions =
        List.of(
            "Where is my package %s?",
            "Tracking %s hasn't moved in days, can you check?",
            "Can you tell me where parcel %s is?",
            "hi, tracking number %s - when will it be delivered?",
            "Any news on shipment %s?");
    return world -> {
      World.Parcel parcel = world.parcel();
      ObjectNode tracking = tracking(world, parcel);
      return new Draft(
              String.format(world.pick(questions), parcel.trackingNumber()), "shipping", "tracking")
          .call(TRACK_SHIPMENT, Obj.of("tracking_number", parcel.trackingNumber()), tracking)
          .answer(TRACKING_ANSWER)
          .expectContains(
              tracking.get("last_location").asText(), tracking.get("estimated_delivery").asText());
    };
  }

  static Intent changeAddress() {
    List<String> questions =
        List.of(
            "Please change the delivery address for order %s to %s, %s %s.",
            "I moved! Can you send order %s to %s, %s %s instead?",
            "Ship order %s to %s, %s %s please, not my old address.",
            "Wrong address on %s. The right one is %s, %s %s.");
    return world -> {
      String orderId = world.orderId();
      ObjectNode address =
          Obj.of(
              "line1",
              world.street(),
              "city",
              world.city().split(", ")[0],
              "postal_code",
              String.valueOf(world.between(10000, 99999)),
              "country",
              "US");
      String input =
          String.format(
              world.pick(questions),
              orderId,
              address.get("line1").asText(),
              address.get("city").asText(),
              address.get("postal_code").asText());
      Draft draft = new Draft(input, "shipping", "address-change");
      ObjectNode arguments = Obj.of("order_id", orderId, "address", address);
      if (world.chance(0.25)) {
        String shippedAt = world.daysAgo(1, 2);
        draft.call(
            UPDATE_ADDRESS,
            arguments,
            Obj.of(
                "order_id",
                orderId,
                "updated",
                false,
                "reason",
                "the order already left the warehouse on " + shippedAt));
        return draft
            .answer(
                "I'm sorry, I couldn't change the address of order {{update_shipping_address.order_id}}: "
                    + "{{update_shipping_address.reason}}. You can redirect it with the carrier once it has a tracking update.")
            .expectContains(shippedAt);
      }
      String confirmation = world.code("ADR-", 6);
      String shipsBy = world.daysAhead(1, 3);
      draft.call(
          UPDATE_ADDRESS,
          arguments,
          Obj.of(
              "order_id",
              orderId,
              "updated",
              true,
              "address",
              address,
              "confirmation",
              confirmation,
              "ships_by",
              shipsBy));
      return draft
          .answer(
              "Done: order {{update_shipping_address.order_id}} will now ship to "
                  + "{{update_shipping_address.address.line1}}, {{update_shipping_address.address.city}} "
                  + "(confirmation {{update_shipping_address.confirmation}}). It ships by "
                  + "{{update_shipping_address.ships_by}}.")
          .expectContains(confirmation, shipsBy);
    };
  }

  static ObjectNode tracking(World world, World.Parcel parcel) {
    String state = world.pick(List.of("in_transit", "in_transit", "out_for_delivery", "delayed"));
    String description =
        switch (state) {
          case "in_transit" -> "in transit";
          case "out_for_delivery" -> "out for delivery today";
          default ->
              "delayed by "
                  + world.pick(
                      List.of("severe weather", "a sorting backlog", "a missed connection"));
        };
    String eta = state.equals("out_for_delivery") ? World.TODAY.toString() : world.daysAhead(1, 5);
    return Obj.of(
        "tracking_number",
        parcel.trackingNumber(),
        "carrier",
        parcel.carrier(),
        "status",
        state,
        "status_description",
        description,
        "last_location",
        world.city(),
        "last_scan_at",
        world.daysAgo(0, 1)
            + "T"
            + String.format("%02d:%02d", world.between(5, 22), world.between(0, 59)),
        "estimated_delivery",
        eta);
  }
}

package dev.gauntlet.dataset.generator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What {@code lookup_order} answers about an order in each status. */
final class Orders {

  static final List<String> PRODUCTS =
      List.of(
          "Trail Running Shoes",
          "Merino Wool Sweater",
          "Noise-Cancelling " + "Headphones",
          "Cast Iron Skillet",
          "Yoga Mat",
          "Espresso Grinder",
          "Rain Jacket",
          "Leather Backpack",
          "Smart Watch Band",
          "Ceramic Vase",
          "Desk Lamp",
          "Bluetooth Speaker",
          "Linen Bedsheet Set",
          "Hiking Poles",
          "Cotton Hoodie",
          "Water Bottle",
          "Gaming Mouse",
          "Wool Beanie",
          "Chef's Knife",
          "Travel Pillow");

  private Orders() {}

  static String product(World world) {
    return world.pick(PRODUCTS);
  }

  static ObjectNode order(
      World world, String orderId, String status, String product, World.Parcel parcel) {
    int quantity = world.between(1, 3);
    int unitCents = world.between(9, 240) * 100 + world.pick(List.of(0, 49, 95, 99));
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    items.add(
        Obj.of(
            "sku",
            "SKU-" + world.between(1000, 9999),
            "name",
            product,
            "quantity",
            quantity,
            "unit_price",
            World.money(unitCents)));
    ObjectNode order =
        Obj.of(
            "order_id",
            orderId,
            "status",
            status,
            "placed_at",
            world.daysAgo(4, 20),
            "total",
            World.money(unitCents * quantity + 599),
            "currency",
            "USD",
            "items",
            items);
    switch (status) {
      case "processing":
        order.put("estimated_ship_date", world.daysAhead(1, 4));
        break;
      case "shipped":
        order.set(
            "shipping",
            Obj.of(
                "carrier",
                parcel.carrier(),
                "tracking_number",
                parcel.trackingNumber(),
                "shipped_at",
                world.daysAgo(1, 3),
                "estimated_delivery",
                world.daysAhead(1, 6)));
        break;
      case "delivered":
        order.set(
            "shipping",
            Obj.of(
                "carrier",
                parcel.carrier(),
                "tracking_number",
                parcel.trackingNumber(),
                "delivered_at",
                world.daysAgo(1, 3)));
        break;
      default:
        order.put("cancelled_at", world.daysAgo(1, 3));
        order.put("refund_status", "refunded to original payment method");
    }
    return order;
  }
}

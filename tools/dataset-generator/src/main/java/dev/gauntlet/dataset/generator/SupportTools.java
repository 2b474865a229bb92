package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.Schemas.array;
import static dev.gauntlet.dataset.generator.Schemas.schema;
import static dev.gauntlet.dataset.generator.Schemas.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.dataset.ToolDef;
import java.util.List;

/** The tool catalog of the customer-support agent, with JSON schemas modelled on a real helpdesk back end. */
final class SupportTools {

  static final String LOOKUP_ORDER = "lookup_order";
  static final String TRACK_SHIPMENT = "track_shipment";
  static final String GET_CUSTOMER = "get_customer";
  static final String CHECK_REFUND = "check_refund_eligibility";
  static final String ISSUE_REFUND = "issue_refund";
  static final String SEARCH_KB = "search_kb";
  static final String CREATE_TICKET = "create_ticket";
  static final String UPDATE_ADDRESS = "update_shipping_address";

  private SupportTools() {}

  static List<ToolDef> catalog() {
    return List.of(
        new ToolDef(
            LOOKUP_ORDER,
            "Look up an order by its id: status, dates, total, items and shipping.",
            schema(Obj.of("order_id", text("Order id, such as A10234.")), "order_id")),
        new ToolDef(
            TRACK_SHIPMENT,
            "Track a parcel by its carrier tracking number.",
            schema(
                Obj.of("tracking_number", text("The carrier's tracking number.")),
                "tracking_number")),
        new ToolDef(
            GET_CUSTOMER,
            "Find a customer account by email: name, loyalty tier and points.",
            schema(Obj.of("email", text("The email address on the account.")), "email")),
        new ToolDef(
            CHECK_REFUND,
            "Check whether an order can be refunded, and for how much.",
            schema(Obj.of("order_id", text("Order id, such as A10234.")), "order_id")),
        new ToolDef(
            ISSUE_REFUND,
            "Refund an order to the original payment method. Check eligibility first.",
            schema(
                Obj.of(
                    "order_id",
                    text("Order id, such as A10234."),
                    "amount_cents",
                    Obj.of("type", "integer", "minimum", 1, "description", "Amount in cents.")),
                "order_id",
                "amount_cents")),
        new ToolDef(
            SEARCH_KB,
            "Search the help-center knowledge base for policies and how-to articles.",
            schema(Obj.of("query", text("What to search for, in a few words.")), "query")),
        new ToolDef(
            CREATE_TICKET,
            "Open a support ticket for a human agent to follow up.",
            schema(
                Obj.of(
                    "email",
                    text("The customer's email address."),
                    "subject",
                    text("One-line summary of the issue."),
                    "priority",
                    Obj.of("type", "string", "enum", array("low", "normal", "high", "urgent"))),
                "email",
                "subject",
                "priority")),
        new ToolDef(
            UPDATE_ADDRESS,
            "Change the shipping address of an order that has not shipped yet.",
            schema(
                Obj.of("order_id", text("Order id, such as A10234."), "address", address()),
                "order_id",
                "address")));
  }

  private static ObjectNode address() {
    return schema(
        Obj.of(
            "line1",
            text("Street and number."),
            "city",
            text("City."),
            "postal_code",
            text("Postal or ZIP code."),
            "country",
            text("ISO 3166-1 alpha-2 country code.")),
        "line1",
        "city",
        "postal_code",
        "country");
  }
}

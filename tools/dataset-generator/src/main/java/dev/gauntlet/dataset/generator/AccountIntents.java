package dev.gauntlet.dataset.generator;

import static dev.gauntlet.dataset.generator.SupportTools.CREATE_TICKET;
import static dev.gauntlet.dataset.generator.SupportTools.GET_CUSTOMER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Questions about the customer's account ({@code get_customer}) and problems for a human ({@code create_ticket}). */
final class AccountIntents {

  private static final List<String> TIERS = List.of("bronze", "silver", "gold", "platinum");

  private AccountIntents() {}

  static Intent loyalty() {
    List<String> questions =
        List.of(
            "How many loyalty points do I have? My email is %s.",
            "Hi, I'm %2$s (%1$s). What's my membership level?",
            "Can you check my rewards balance? Account email: %s",
            "%s - how many points until the next tier?",
            "What tier am I on? I signed up with %s",
            "Hello, this is %2$s. Could you look up my account, %1$s, and tell me my points?");
    return world -> {
      World.Customer customer = world.customer();
      ObjectNode account = customer(world, customer);
      return new Draft(
              String.format(world.pick(questions), customer.email(), customer.first()),
              "account",
              "loyalty")
          .call(GET_CUSTOMER, Obj.of("email", customer.email()), account)
          .answer(
              "Hi {{get_customer.name}}! You're a {{get_customer.tier}} member since "
                  + "{{get_customer.member_since}} with {{get_customer.loyalty_points}} points.")
          .expectContains(
              account.get("loyalty_points").asText(), account.get("member_since").asText());
    };
  }

  static Intent ticket() {
    List<Issue> issues =
        List.of(
            new Issue(
                "I was charged twice for my last order! Please sort this out. My email is %s.",
                "Duplicate charge on last order", "high", "Billing"),
            new Issue(
                "My account %s got locked after a password reset and I can't log in.",
                "Account locked after password reset", "high", "Account Security"),
            new Issue(
                "The discount code from your newsletter didn't apply at checkout. I'm %s.",
                "Newsletter discount code not applied", "normal", "Promotions"),
            new Issue(
                "Someone else's items came in my box. Contact me at %s to fix this.",
                "Received another customer's items", "urgent", "Fulfilment"),
            new Issue(
                "Please delete my account and personal data. Email on file: %s",
                "Account and data deletion request", "normal", "Privacy"),
            new Issue(
                "Your courier was rude and threw the parcel over my fence. %s",
                "Courier conduct complaint", "low", "Carrier Relations"));
    return world -> {
      World.Customer customer = world.customer();
      Issue issue = world.pick(issues);
      String ticketId = world.code("TCK-", 6);
      String within =
          switch (issue.priority()) {
            case "urgent" -> "2 hours";
            case "high" -> "4 hours";
            case "normal" -> "1 business day";
            default -> "3 business days";
          };
      ObjectNode ticket =
          Obj.of(
              "ticket_id",
              ticketId,
              "status",
              "open",
              "priority",
              issue.priority(),
              "assigned_team",
              issue.team(),
              "first_response_within",
              within);
      return new Draft(String.format(issue.input(), customer.email()), "account", "ticket")
          .call(
              CREATE_TICKET,
              Obj.of(
                  "email",
                  customer.email(),
                  "subject",
                  issue.subject(),
                  "priority",
                  issue.priority()),
              ticket)
          .answer(
              "I've opened ticket {{create_ticket.ticket_id}} with our {{create_ticket.assigned_team}} team; "
                  + "you'll hear back within {{create_ticket.first_response_within}}.")
          .expectContains(ticketId, issue.team());
    };
  }

  static ObjectNode customer(World world, World.Customer customer) {
    return Obj.of(
        "customer_id",
        customer.id(),
        "name",
        customer.name(),
        "email",
        customer.email(),
        "tier",
        world.pick(TIERS),
        "loyalty_points",
        world.between(120, 48000),
        "member_since",
        World.TODAY.minusDays(world.between(90, 3000)).toString(),
        "open_tickets",
        world.between(0, 2));
  }

  private record Issue(String input, String subject, String priority, String team) {}
}

package dev.gauntlet.agent.internal;

/**
 * The resilient policy held back a call of a high-impact tool that needs a human's approval: it was not run. The
 * task loop tells the model once ({@link #forModel()}), and answers the user itself ({@link #answer()}) if the model
 * asks for a held-back call again.
 */
public final class ApprovalRequiredException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String tool;

  public ApprovalRequiredException(String tool, String reason) {
    super(tool + ": " + reason, null, false, false);
    this.tool = tool;
  }

  /** The tool message the model gets instead of a result. */
  public String forModel() {
    return Json.error(
        getMessage()
            + "; the call was NOT run and is waiting for a human to approve it. Do not "
            + "call it again: escalate the request to a human agent, or tell the user it needs a human's approval.");
  }

  /** The task's answer when the model insists. */
  public String answer() {
    return "I can't do that myself: "
        + tool
        + " needs a human's approval, so I have not run it and have escalated "
        + "your request to a human agent, who will follow up with you.";
  }
}

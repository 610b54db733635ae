package ca.businessx.nurture.sequence;

import ca.businessx.nurture.email.OutboundEmail;
import java.util.List;

/**
 * A claimed batch once drafted: the emails to send, each stored under its stable key before the
 * provider is called, and the steps found already done (recorded sent by an earlier sender whose
 * advance was lost), which only need advancing.
 */
record SendBatch(DueClaimer.Claim claim, List<Item> sending, List<Item> alreadyDone) {

  /** One enrollment's email in the batch. */
  record Item(
      Enrollment enrollment,
      ca.businessx.nurture.segment.Segment segment,
      String emailId,
      String templateKey,
      int attempts,
      OutboundEmail outbound,
      NextStep.LeadHours hours) {
    int step() {
      return enrollment.currentStep();
    }
  }

  /** The members whose enrollments this batch still has to settle. */
  int size() {
    return sending.size() + alreadyDone.size();
  }
}

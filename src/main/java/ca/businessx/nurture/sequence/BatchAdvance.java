package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The sent members of a batch moved on, inside {@link BatchRecorder}'s transaction: each to the
 * step and time {@link NextStep} plans, in one {@code case} update for all of them, or completed in
 * one more. Each update is guarded by the step it moves from, so a person's change made meanwhile
 * stands.
 */
final class BatchAdvance {
  private final SequenceVersions versions;
  private final LostRaces lostRaces;
  private final EmailRepository emails = new EmailRepository();
  private final Timeline timeline = new Timeline();

  BatchAdvance(SequenceVersions versions, LostRaces lostRaces) {
    this.versions = versions;
    this.lostRaces = lostRaces;
  }

  /** An enrollment moving to its next step. */
  private record Step(String id, int from, Instant due) {}

  /** Moves each sent member to the next step NextStep plans, or completes it. */
  void advance(
      Handle h,
      List<SendBatch.Item> sent,
      Instant now,
      List<Timeline.Entry> entries,
      Set<String> settled) {
    List<Step> advancing = new ArrayList<>();
    List<Step> completing = new ArrayList<>();
    List<SendBatch.Item> completingItems = new ArrayList<>();
    // A click normally comes after this record, and brings the next step forward then (see
    // EngagedWaits); one that came first (a taken-over batch, a very quick lead) counts here.
    Set<String> clicked =
        emails.clickedKeys(
            h,
            sent.stream()
                .filter(i -> hasEngagedWaitNext(i.enrollment()))
                .map(BatchAdvance::key)
                .toList());
    for (SendBatch.Item item : sent) {
      Enrollment e = item.enrollment();
      Set<Integer> clickedSteps = clicked.contains(key(item)) ? Set.of(e.currentStep()) : Set.of();
      NextStep.Decision after =
          NextStep.afterDone(
              e.position(item.segment()),
              new NextStep.LeadFacts(false, false, false, clickedSteps, item.hours()),
              versions.of(e),
              now,
              now);
      if (after instanceof NextStep.Complete) {
        completing.add(new Step(e.id(), e.currentStep(), null));
        completingItems.add(item);
      } else if (after.at().isPresent()) {
        advancing.add(new Step(e.id(), e.currentStep(), after.at().get()));
      } else {
        continue;
      }
      settled.add(e.id());
    }
    if (!advancing.isEmpty()) {
      StringBuilder due = new StringBuilder("case id");
      StringBuilder from = new StringBuilder("case id");
      for (int i = 0; i < advancing.size(); i++) {
        due.append(" when :i").append(i).append(" then :d").append(i);
        from.append(" when :i").append(i).append(" then :s").append(i);
      }
      var update =
          h.createUpdate(
                  "update enrollments set current_step = current_step + 1, step_due_at = "
                      + due
                      + " end, next_due_at = "
                      + due
                      + " end, last_sent_at = :now, claimed_by = null, claimed_until = null,"
                      + " updated_at = :now where id in (<ids>) and state = 'ACTIVE'"
                      + " and current_step = "
                      + from
                      + " end")
              .bindList("ids", advancing.stream().map(Step::id).toList())
              .bind("now", now.toEpochMilli());
      for (int i = 0; i < advancing.size(); i++) {
        Step s = advancing.get(i);
        update.bind("i" + i, s.id()).bind("d" + i, s.due().toEpochMilli()).bind("s" + i, s.from());
      }
      lostRaces.count(update.execute(), advancing.size(), "enrollment_advanced");
    }
    if (!completing.isEmpty()) {
      EnrollmentState.requireMove(EnrollmentState.ACTIVE, EnrollmentState.COMPLETED);
      int done =
          h.createUpdate(
                  "update enrollments set state = 'COMPLETED', stop_reason = null,"
                      + " next_due_at = null, claimed_by = null, claimed_until = null,"
                      + " last_sent_at = :now, finished_at = :now, updated_at = :now"
                      + " where id in (<ids>) and state = 'ACTIVE'")
              .bindList("ids", completing.stream().map(Step::id).toList())
              .bind("now", now.toEpochMilli())
              .execute();
      lostRaces.count(done, completing.size(), "enrollment_state");
      for (SendBatch.Item item : completingItems) {
        entries.add(timeline.entry(item.enrollment().contactId(), now, "sequence_completed", null));
      }
    }
  }

  private boolean hasEngagedWaitNext(Enrollment e) {
    SequencePlan plan = versions.of(e);
    return e.currentStep() < plan.size() && plan.engagedWaitBefore(e.currentStep() + 1).isPresent();
  }

  private static String key(SendBatch.Item item) {
    return EmailRecord.idempotencyKey(item.enrollment().id(), item.enrollment().currentStep());
  }
}

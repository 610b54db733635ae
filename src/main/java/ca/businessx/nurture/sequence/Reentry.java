package ca.businessx.nurture.sequence;

import ca.businessx.nurture.segment.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a new assessment starts a lead's sequence again, when its last one has finished. Pure,
 * like {@link NextStep}: the caller reads the facts, this answers. A bar wins over a cause; the
 * rules sit in two lists so the next one is a line, not a branch.
 *
 * <p>A lead re-enters when its sequence finished more than {@code REENTRY_AFTER} ago, or sooner
 * when its segment got worse (URGENT to CRITICAL, say) after a completed or booked sequence. Never
 * while one runs (a reply pauses, it does not finish), never after an unsubscribe, a complaint or a
 * bounce, and never within {@code REENTRY_AFTER} of a booking. A sequence a person stopped (the
 * lead on its preference page, or the team) waits out {@code REENTRY_AFTER} whatever the segment: a
 * person's stop is respected.
 */
public final class Reentry {
  private Reentry() {}

  /** Stop reasons that end a lead's mail for good (the suppression reasons, as stored). */
  private static final Set<String> FOR_GOOD =
      Set.of("unsubscribed", "bounced", "complained", "forgotten", "erased on request");

  /**
   * What the rules look at.
   *
   * @param previous the lead's current (last) enrollment
   * @param before the lead's segment before this assessment, null if it had none
   * @param after the segment this assessment gave
   * @param unsubscribed whether the lead ever unsubscribed (a later consent does not undo it here)
   * @param bounced whether any email to the lead bounced
   * @param lastBookedAt when the lead last booked a call, null if never
   */
  public record Facts(
      Enrollment previous,
      Segment before,
      Segment after,
      boolean unsubscribed,
      boolean bounced,
      Instant lastBookedAt) {
    public Facts {
      Objects.requireNonNull(previous, "previous");
      Objects.requireNonNull(after, "after");
    }
  }

  /** The answer, with the reason in words for the timeline. */
  public record Decision(boolean reenter, String reason) {}

  private record Situation(Facts facts, Instant now, Duration reentryAfter) {
    Enrollment previous() {
      return facts.previous;
    }

    boolean finishedBefore(Instant instant) {
      return previous().finishedAt() != null && previous().finishedAt().isBefore(instant);
    }

    boolean segmentWorse() {
      // Segments are declared from the most urgent down.
      return facts.before != null && facts.after.compareTo(facts.before) < 0;
    }
  }

  private interface Rule {
    Optional<String> apply(Situation s);
  }

  private static Rule when(Predicate<Situation> test, String reason) {
    return s -> test.test(s) ? Optional.of(reason) : Optional.empty();
  }

  private static final List<Rule> BARS =
      List.of(
          when(s -> !s.previous().state().hasEnded(), "a sequence is still running"),
          when(s -> s.facts.unsubscribed, "the lead unsubscribed"),
          when(s -> s.facts.bounced, "an email to the lead bounced"),
          when(
              s ->
                  s.previous().stopReason() != null && FOR_GOOD.contains(s.previous().stopReason()),
              "the last sequence ended for good"),
          when(
              s ->
                  s.facts.lastBookedAt != null
                      && s.facts.lastBookedAt.isAfter(s.now.minus(s.reentryAfter)),
              "the lead booked a call within REENTRY_AFTER"),
          when(
              s ->
                  s.previous().state() == EnrollmentState.STOPPED
                      && !s.finishedBefore(s.now.minus(s.reentryAfter)),
              "a person stopped the last sequence within REENTRY_AFTER"));

  private static final List<Rule> CAUSES =
      List.of(
          when(
              s -> s.finishedBefore(s.now.minus(s.reentryAfter)),
              "the last sequence finished more than REENTRY_AFTER ago"),
          when(Situation::segmentWorse, "the segment got worse"));

  /** Whether to start a new enrollment, and why (or why not). */
  public static Decision decide(Facts facts, Instant now, Duration reentryAfter) {
    Situation s = new Situation(facts, now, reentryAfter);
    for (Rule bar : BARS) {
      Optional<String> no = bar.apply(s);
      if (no.isPresent()) {
        return new Decision(false, no.get());
      }
    }
    for (Rule cause : CAUSES) {
      Optional<String> yes = cause.apply(s);
      if (yes.isPresent()) {
        return new Decision(true, yes.get());
      }
    }
    return new Decision(false, "the last sequence finished within REENTRY_AFTER");
  }
}

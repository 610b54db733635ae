package ca.businessx.nurture.sequence;

import ca.businessx.nurture.calendar.Province;
import ca.businessx.nurture.calendar.SendWindow;
import ca.businessx.nurture.segment.Segment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an enrollment gets next, and when: the one place a due time is computed. Pure: no I/O and no
 * clock of its own, so every rule can be tested by value. The claimer, the recorder and a person's
 * actions all ask it; the database only keeps its answer ({@code next_due_at}) for the index that
 * finds due work.
 *
 * <p>Rules come in two lists, each entry small and independent, and that is where the next features
 * go: {@link #EXITS} may end or hold a sequence before anything is sent (a booking, a reply, a
 * suppressed address; later an engagement exit), {@link #SHORTCUTS} may bring a step sooner (the
 * "if engaged" wait of a lead who clicked the previous email), {@link #TIMINGS} may then move a
 * send later (no bunching; the send window in the lead's time zone). Template choice (variants,
 * language) belongs in {@link #template}.
 *
 * <p>A step's time is planned from the previous step's <em>scheduled</em> time, not from when its
 * email finally went out, so a retried or late email does not shift the rest of the sequence: on
 * time, the last email is due the sum of the waits after enrolment.
 */
public final class NextStep {
  private NextStep() {}

  /**
   * An enrollment as the decision sees it.
   *
   * @param step the step to send next, from 1
   * @param stepDueAt the step's scheduled time
   * @param lastSentAt when the previous email went out, or null before the first
   */
  public record Position(
      EnrollmentState state,
      int step,
      Segment segment,
      Instant enrolledAt,
      Instant stepDueAt,
      Instant lastSentAt) {
    public Position {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(enrolledAt, "enrolledAt");
    }

    Position withStepDue(Instant at) {
      return new Position(state, step, segment, enrolledAt, at, lastSentAt);
    }
  }

  /**
   * What is known about the lead beyond its enrollment.
   *
   * @param clickedSteps the steps whose email the lead clicked (a link of it); a caller reads only
   *     the steps its question is about (the previous one, or the one just sent)
   * @param hours when an email may reach the lead
   */
  public record LeadFacts(
      boolean suppressed,
      boolean booked,
      boolean replied,
      Set<Integer> clickedSteps,
      LeadHours hours) {
    public static final LeadFacts NONE = new LeadFacts(false, false, false);

    public LeadFacts {
      clickedSteps = Set.copyOf(clickedSteps);
      Objects.requireNonNull(hours, "hours");
    }

    /** No click known, and no send window: any hour will do. */
    public LeadFacts(boolean suppressed, boolean booked, boolean replied) {
      this(suppressed, booked, replied, Set.of(), LeadHours.ANYTIME);
    }

    public LeadFacts(boolean suppressed, boolean booked, boolean replied, LeadHours hours) {
      this(suppressed, booked, replied, Set.of(), hours);
    }

    public LeadFacts(
        boolean suppressed, boolean booked, boolean replied, Set<Integer> clickedSteps) {
      this(suppressed, booked, replied, clickedSteps, LeadHours.ANYTIME);
    }

    public LeadFacts withClicked(Set<Integer> steps) {
      return new LeadFacts(suppressed, booked, replied, steps, hours);
    }

    public boolean clicked(int step) {
      return clickedSteps.contains(step);
    }

    LeadFacts anytime() {
      return new LeadFacts(suppressed, booked, replied, clickedSteps, LeadHours.ANYTIME);
    }
  }

  /**
   * When an email may reach the lead: the send window in the lead's zone, closed on the statutory
   * holidays of its province (null when unknown: the national ones only).
   */
  public record LeadHours(SendWindow window, ZoneId zone, Province province) {
    public static final LeadHours ANYTIME = new LeadHours(SendWindow.ALWAYS, ZoneOffset.UTC, null);

    public LeadHours {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(zone, "zone");
    }
  }

  /**
   * When the current step falls due and why then, in words for a person (the lead's console page):
   * the same computation as {@link #decide}'s.
   */
  public record Due(Instant at, String why) {}

  /** The answer. {@link #at()} is when to look at the enrollment again, if ever. */
  public sealed interface Decision {
    default Optional<Instant> at() {
      return Optional.empty();
    }
  }

  /** Send this step's email, not before its time (already reached when the decision says Send). */
  public record Send(int step, String template, Instant notBefore) implements Decision {
    @Override
    public Optional<Instant> at() {
      return Optional.of(notBefore);
    }
  }

  /** Nothing yet: the current step falls due at {@code until}. */
  public record Wait(int step, Instant until) implements Decision {
    @Override
    public Optional<Instant> at() {
      return Optional.of(until);
    }
  }

  /** Nothing until a person acts (a reply, a parked email). */
  public record Paused(String reason) implements Decision {}

  /** Every step is done. */
  public record Complete() implements Decision {}

  /** The sequence ends: nothing more is ever sent. */
  public record Stop(EnrollmentState as, String reason) implements Decision {}

  /** Everything a rule may look at. */
  public record Situation(Position at, LeadFacts facts, SequencePlan plan, Instant now) {}

  /** A reason to end or hold a sequence before anything is sent. */
  interface Exit {
    Optional<Decision> apply(Situation s);
  }

  /** A rule that may move a send later, never sooner. */
  interface Timing {
    Instant apply(Situation s, Instant notBefore);
  }

  /** A rule that may bring a step sooner than its scheduled time; the earliest one wins. */
  interface Shortcut {
    Optional<Due> apply(Situation s);
  }

  static final List<Exit> EXITS =
      List.of(NextStep::byState, NextStep::leadFacts, NextStep::pastTheLastStep);

  static final List<Shortcut> SHORTCUTS = List.of(NextStep::ifEngaged);

  static final List<Timing> TIMINGS = List.of(NextStep::noBunching, NextStep::sendWindow);

  /** What the enrollment at {@code p} gets now. */
  public static Decision decide(Position p, LeadFacts facts, SequencePlan plan, Instant now) {
    Situation s = new Situation(p, facts, plan, now);
    for (Exit exit : EXITS) {
      Optional<Decision> d = exit.apply(s);
      if (d.isPresent()) {
        return d.get();
      }
    }
    Instant at = when(s).at();
    if (at.isAfter(now)) {
      return new Wait(p.step(), at);
    }
    return new Send(p.step(), template(s), at);
  }

  /**
   * When the enrollment's current step is due and why, or empty when nothing is to be sent (ended,
   * paused, complete).
   */
  public static Optional<Due> due(Position p, LeadFacts facts, SequencePlan plan, Instant now) {
    Decision d = decide(p, facts, plan, now);
    if (!(d instanceof Wait) && !(d instanceof Send)) {
      return Optional.empty();
    }
    return Optional.of(when(new Situation(p, facts, plan, now)));
  }

  /** The step's time: scheduled, brought sooner by a shortcut, then moved later by the timings. */
  private static Due when(Situation s) {
    Position p = s.at();
    Instant scheduled = p.stepDueAt() != null ? p.stepDueAt() : p.enrolledAt();
    Due due =
        new Due(
            scheduled,
            p.step() <= 1 || p.step() > s.plan().size()
                ? "the first email, at enrolment"
                : "the wait of "
                    + words(s.plan().waitBefore(p.step()))
                    + " after email "
                    + (p.step() - 1));
    for (Shortcut shortcut : SHORTCUTS) {
      Optional<Due> sooner = shortcut.apply(s);
      // Equal counts: a step already brought forward keeps saying why.
      if (sooner.isPresent() && !sooner.get().at().isAfter(due.at())) {
        due = sooner.get();
      }
    }
    Instant at = due.at();
    for (Timing t : TIMINGS) {
      Instant moved = t.apply(s, at);
      at = moved.isAfter(at) ? moved : at;
    }
    if (at.isAfter(due.at())) {
      due = new Due(at, due.why() + ", then later by the timing rules (e.g. no bunching)");
    }
    return due;
  }

  /**
   * What the enrollment gets once its current step is done (sent at {@code doneAt}, or skipped):
   * the next step planned from this one's scheduled time, or Complete after the last.
   */
  public static Decision afterDone(
      Position p, LeadFacts facts, SequencePlan plan, Instant doneAt, Instant now) {
    if (p.step() >= plan.size()) {
      Optional<Decision> exit = byState(new Situation(p, facts, plan, now));
      return exit.orElse(new Complete());
    }
    int next = p.step() + 1;
    Instant scheduled = p.stepDueAt() != null ? p.stepDueAt() : p.enrolledAt();
    Position moved =
        new Position(
            p.state(),
            next,
            p.segment(),
            p.enrolledAt(),
            scheduled.plus(plan.waitBefore(next)),
            doneAt);
    return decide(moved, facts, plan, now);
  }

  /** When a remaining email would leave, and whether the send window moved it later. */
  public record Planned(int step, String template, Instant at, boolean movedByWindow) {}

  /**
   * When each remaining email would leave if nothing else happened (no reply, no failure, the
   * sender on time): {@link #decide} and {@link #afterDone} run forward from {@code now}, as the
   * send loop would run them. Empty when nothing more is to be sent.
   */
  public static List<Planned> preview(Position p, LeadFacts facts, SequencePlan plan, Instant now) {
    List<Planned> out = new ArrayList<>();
    Position at = p;
    Instant clock = now;
    while (at.step() <= plan.size()) {
      Decision d = decide(at, facts, plan, clock);
      if (!(d instanceof Send || d instanceof Wait)) {
        break;
      }
      // A due email leaves at once; a waiting one when its wait (and the window) says.
      Instant leaves = d instanceof Wait w ? w.until() : clock;
      Instant plain =
          decide(unmoved(at, plan), facts.anytime(), plan, clock) instanceof Wait w
              ? w.until()
              : clock;
      out.add(
          new Planned(
              at.step(),
              template(new Situation(at, facts, plan, clock)),
              leaves,
              leaves.isAfter(plain)));
      // As the recorder does: the next step is due when afterDone says, and that is stored.
      Decision after = afterDone(at, facts, plan, leaves, leaves);
      if (after.at().isEmpty()) {
        break;
      }
      at =
          new Position(
              at.state(), at.step() + 1, at.segment(), at.enrolledAt(), after.at().get(), leaves);
      clock = leaves;
    }
    return out;
  }

  /**
   * {@link #afterDone} for a step a person gave up on: the clock restarts at their decision, so the
   * next email still waits its full pause after the last thing that happened.
   */
  public static Decision afterSkip(Position p, LeadFacts facts, SequencePlan plan, Instant now) {
    return afterDone(p.withStepDue(now), facts, plan, p.lastSentAt(), now);
  }

  /**
   * When a step falls due on a plan when nothing was late: the sum of the waits up to it from
   * enrollment. A lead moved to another version is scheduled by it.
   */
  public static Instant planned(SequencePlan plan, int step, Instant enrolledAt) {
    Instant at = enrolledAt;
    for (int i = 1; i <= step && i <= plan.size(); i++) {
      at = at.plus(plan.waitBefore(i));
    }
    return at;
  }

  /**
   * A sequence a person lets run again after a reply or a booking: its current email waits its full
   * pause from the decision (the first email goes at once), so the lead never gets an automated
   * email right after talking to someone.
   */
  public static Decision resume(Position p, LeadFacts facts, SequencePlan plan, Instant now) {
    Duration pause = p.step() <= plan.size() ? plan.waitBefore(p.step()) : Duration.ZERO;
    Position active =
        new Position(
            EnrollmentState.ACTIVE, p.step(), p.segment(), p.enrolledAt(), now.plus(pause), null);
    return decide(active, facts, plan, now);
  }

  /** The current step brought forward to now by a person. */
  public static Decision sendNow(Position p, LeadFacts facts, SequencePlan plan, Instant now) {
    Position forward = new Position(p.state(), p.step(), p.segment(), p.enrolledAt(), now, null);
    return decide(forward, facts, plan, now);
  }

  /**
   * When an email that failed for a passing reason is tried again: after the configured delay, or
   * later when the provider asked for longer. The step's scheduled time does not move, so the retry
   * does not shift the steps after it.
   */
  public static Instant retryAt(
      Duration configured, Optional<Duration> providerAsked, Instant now) {
    Duration wait = providerAsked.filter(d -> d.compareTo(configured) > 0).orElse(configured);
    return now.plus(wait);
  }

  private static Optional<Decision> byState(Situation s) {
    return switch (s.at().state()) {
      case ACTIVE -> Optional.empty();
      case PAUSED -> Optional.of(new Paused("an email needs a person"));
      case REPLIED -> Optional.of(new Paused("the lead replied"));
      case COMPLETED -> Optional.of(new Complete());
      case STOPPED -> Optional.of(new Stop(EnrollmentState.STOPPED, "stopped"));
      case BOOKED -> Optional.of(new Stop(EnrollmentState.BOOKED, "booked a call"));
    };
  }

  private static Optional<Decision> leadFacts(Situation s) {
    if (s.facts().booked()) {
      return Optional.of(new Stop(EnrollmentState.BOOKED, "booked a call"));
    }
    if (s.facts().suppressed()) {
      return Optional.of(new Stop(EnrollmentState.STOPPED, "address suppressed"));
    }
    if (s.facts().replied()) {
      return Optional.of(new Paused("the lead replied"));
    }
    if (s.at().segment() == null) {
      return Optional.of(new Paused("the lead has no segment"));
    }
    return Optional.empty();
  }

  private static Optional<Decision> pastTheLastStep(Situation s) {
    return s.at().step() > s.plan().size() ? Optional.of(new Complete()) : Optional.empty();
  }

  /**
   * A late email is followed by the next no sooner than half that next one's wait: the schedule is
   * kept where it can be, but two emails never arrive back to back.
   */
  private static Instant noBunching(Situation s, Instant notBefore) {
    Position p = s.at();
    if (p.lastSentAt() == null || p.step() < 2 || p.step() > s.plan().size()) {
      return notBefore;
    }
    Duration half = s.plan().waitBefore(p.step()).dividedBy(2);
    return p.lastSentAt().plus(half);
  }

  /**
   * A lead who clicked the previous email gets this one after the step's "if engaged" wait, counted
   * from when the previous email went out (never from a scheduled time: the click is what changed,
   * and the same answer comes back however often it is asked).
   */
  private static Optional<Due> ifEngaged(Situation s) {
    Position p = s.at();
    if (p.step() < 2 || p.step() > s.plan().size() || p.lastSentAt() == null) {
      return Optional.empty();
    }
    int previous = p.step() - 1;
    if (!s.facts().clicked(previous)) {
      return Optional.empty();
    }
    Duration full = s.plan().waitBefore(p.step());
    return s.plan()
        .engagedWaitBefore(p.step())
        .map(
            wait ->
                new Due(
                    p.lastSentAt().plus(wait),
                    (wait.multipliedBy(2).equals(full)
                            ? "half the wait"
                            : words(wait) + " instead of " + words(full))
                        + ", because the lead clicked email "
                        + previous));
  }

  /** 48 hours reads "2 days", 90 minutes "90 minutes". */
  static String words(Duration d) {
    if (d.isZero()) {
      return "no time";
    }
    if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
      return d.toDays() == 1 ? "1 day" : d.toDays() + " days";
    }
    if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
      return d.toHours() == 1 ? "1 hour" : d.toHours() + " hours";
    }
    if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
      return d.toMinutes() == 1 ? "1 minute" : d.toMinutes() + " minutes";
    }
    return d.toSeconds() + " seconds";
  }

  /**
   * The step as planned before any window moved it: the recorder keeps the moved time as the step's
   * scheduled time, so a stored step due later than its wait after the last send was moved.
   */
  private static Position unmoved(Position p, SequencePlan plan) {
    if (p.step() < 2 || p.step() > plan.size() || p.lastSentAt() == null || p.stepDueAt() == null) {
      return p;
    }
    Instant fromLast = p.lastSentAt().plus(plan.waitBefore(p.step()));
    return fromLast.isBefore(p.stepDueAt()) ? p.withStepDue(fromLast) : p;
  }

  /**
   * A step that respects the send window goes at its next opening in the lead's zone; one already
   * due when the window has closed since (the sender was down) waits for the next opening too.
   */
  private static Instant sendWindow(Situation s, Instant notBefore) {
    Position p = s.at();
    LeadHours h = s.facts().hours();
    if (p.step() < 1 || p.step() > s.plan().size() || !s.plan().respectsWindow(p.step())) {
      return notBefore;
    }
    Instant opening = h.window().nextOpening(notBefore, h.zone(), h.province());
    if (!opening.isAfter(s.now()) && !h.window().isOpen(s.now(), h.zone(), h.province())) {
      return h.window().nextOpening(s.now(), h.zone(), h.province());
    }
    return opening;
  }

  private static String template(Situation s) {
    return s.plan().templateFor(s.at().step(), s.at().segment());
  }
}

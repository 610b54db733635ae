package ca.businessx.nurture.support;

import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jdbi.v3.core.Jdbi;

/**
 * Assertions on an enrollment as the database holds it: {@code assertThatEnrollmentOf(jdbi,
 * contactId).isActive().isOnStep(2)}.
 */
public final class StoredEnrollmentAssert
    extends AbstractAssert<StoredEnrollmentAssert, StoredEnrollmentAssert.Row> {

  /** The columns a test asserts on; {@code currentStep} is the next email to send. */
  public record Row(String id, String contactId, String state, int currentStep) {}

  /** The asserted enrollment's id, to go on asserting about its emails. */
  public String id() {
    isNotNull();
    return actual.id();
  }

  private StoredEnrollmentAssert(Row row) {
    super(row, StoredEnrollmentAssert.class);
  }

  public static StoredEnrollmentAssert assertThatEnrollment(Jdbi jdbi, String enrollmentId) {
    return new StoredEnrollmentAssert(load(jdbi, "id", enrollmentId));
  }

  public static StoredEnrollmentAssert assertThatEnrollmentOf(Jdbi jdbi, String contactId) {
    return new StoredEnrollmentAssert(load(jdbi, "contact_id", contactId));
  }

  public StoredEnrollmentAssert isActive() {
    return hasState("ACTIVE");
  }

  public StoredEnrollmentAssert isPaused() {
    return hasState("PAUSED");
  }

  public StoredEnrollmentAssert isCompleted() {
    return hasState("COMPLETED");
  }

  public StoredEnrollmentAssert isStopped() {
    return hasState("STOPPED");
  }

  public StoredEnrollmentAssert hasState(String state) {
    isNotNull();
    if (!Objects.equals(actual.state(), state)) {
      failWithMessage(
          "Expected enrollment <%s> to be %s but was %s", actual.id(), state, actual.state());
    }
    return this;
  }

  /** The next email to send is this step's. */
  public StoredEnrollmentAssert isOnStep(int step) {
    isNotNull();
    if (actual.currentStep() != step) {
      failWithMessage(
          "Expected enrollment <%s> to be on step %d but it is on step %d",
          actual.id(), step, actual.currentStep());
    }
    return this;
  }

  private static Row load(Jdbi jdbi, String column, String key) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, contact_id, state, current_step from enrollments where "
                        + column
                        + " = :k")
                .bind("k", key)
                .map(
                    (rs, ctx) ->
                        new Row(
                            rs.getString("id"),
                            rs.getString("contact_id"),
                            rs.getString("state"),
                            rs.getInt("current_step")))
                .findOne()
                .orElse(null));
  }
}

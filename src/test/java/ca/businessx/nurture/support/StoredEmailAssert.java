package ca.businessx.nurture.support;

import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jdbi.v3.core.Jdbi;

/**
 * Assertions on an email as the database holds it, so tests say {@code assertThatEmail(jdbi,
 * id).isSent()} instead of querying columns themselves.
 */
public final class StoredEmailAssert
    extends AbstractAssert<StoredEmailAssert, StoredEmailAssert.Row> {

  /** The columns a test asserts on. */
  public record Row(String id, int step, String templateKey, String state, Long sentAt) {}

  private StoredEmailAssert(Row row) {
    super(row, StoredEmailAssert.class);
  }

  public static StoredEmailAssert assertThatEmail(Jdbi jdbi, String emailId) {
    return new StoredEmailAssert(load(jdbi, "id = :k", emailId));
  }

  /** The email of one step of an enrollment. */
  public static StoredEmailAssert assertThatEmail(Jdbi jdbi, String enrollmentId, int step) {
    return new StoredEmailAssert(
        jdbi.withHandle(
            h ->
                h.createQuery(SELECT + "enrollment_id = :e and step = :s")
                    .bind("e", enrollmentId)
                    .bind("s", step)
                    .map(StoredEmailAssert::row)
                    .findOne()
                    .orElse(null)));
  }

  public StoredEmailAssert isSent() {
    hasState("SENT");
    if (actual.sentAt() == null) {
      failWithMessage("Expected email <%s> to have a sent time, but it has none", actual.id());
    }
    return this;
  }

  public StoredEmailAssert isPending() {
    return hasState("PENDING");
  }

  public StoredEmailAssert isParked() {
    return hasState("PARKED");
  }

  public StoredEmailAssert isCancelled() {
    return hasState("CANCELLED");
  }

  public StoredEmailAssert isSkipped() {
    return hasState("SKIPPED");
  }

  public StoredEmailAssert hasState(String state) {
    isNotNull();
    if (!Objects.equals(actual.state(), state)) {
      failWithMessage(
          "Expected email <%s> (step %d, %s) to be %s but was %s",
          actual.id(), actual.step(), actual.templateKey(), state, actual.state());
    }
    return this;
  }

  public StoredEmailAssert hasTemplate(String templateKey) {
    isNotNull();
    if (!Objects.equals(actual.templateKey(), templateKey)) {
      failWithMessage(
          "Expected email <%s> to use template %s but it used %s",
          actual.id(), templateKey, actual.templateKey());
    }
    return this;
  }

  private static final String SELECT =
      "select id, step, template_key, state, sent_at from emails where ";

  private static Row load(Jdbi jdbi, String where, String key) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + where)
                .bind("k", key)
                .map(StoredEmailAssert::row)
                .findOne()
                .orElse(null));
  }

  private static Row row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    long sent = rs.getLong("sent_at");
    return new Row(
        rs.getString("id"),
        rs.getInt("step"),
        rs.getString("template_key"),
        rs.getString("state"),
        rs.wasNull() ? null : sent);
  }
}

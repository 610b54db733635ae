package ca.businessx.nurture.sequence;

import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.NurtureException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Every distinct sequence definition the service has run, numbered from 1 in the order first seen.
 * New enrollments take the current one; an enrollment keeps its version until a person migrates it,
 * so editing {@code sequence.json} never changes the path of a lead already on its way.
 */
public final class SequenceVersions {
  public record Version(int number, String hash, Instant createdAt, int enrollments) {}

  private final Database db;
  private final int current;
  private final SequencePlan currentPlan;
  private final Map<Integer, SequencePlan> plans = new ConcurrentHashMap<>();

  private SequenceVersions(Database db, int current, SequencePlan currentPlan) {
    this.db = db;
    this.current = current;
    this.currentPlan = currentPlan;
    plans.put(current, currentPlan);
  }

  /**
   * Stores the plan as a version unless an equal one exists, and makes it the current one. Nodes
   * starting together may race for the next number; the loser sees the conflict and tries again.
   */
  public static SequenceVersions register(Database db, SequencePlan plan, Instant now) {
    String hash = SequenceDefinition.hash(plan);
    String json = SequenceDefinition.toJson(plan);
    for (int attempt = 1; ; attempt++) {
      try {
        int number = db.inTransaction(h -> insertOrFind(h, hash, json, now));
        return new SequenceVersions(db, number, plan);
      } catch (UnableToExecuteStatementException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static int insertOrFind(Handle h, String hash, String json, Instant now) {
    // "where true" lets SQLite tell the SELECT's end from the upsert clause.
    h.createUpdate(
            "insert into sequence_versions (version, hash, definition, created_at)"
                + " select coalesce(max(version), 0) + 1, :hash, :json, :now"
                + " from sequence_versions where true on conflict (hash) do nothing")
        .bind("hash", hash)
        .bind("json", json)
        .bind("now", now.toEpochMilli())
        .execute();
    int number =
        h.createQuery("select version from sequence_versions where hash = :hash")
            .bind("hash", hash)
            .mapTo(Integer.class)
            .one();
    h.createUpdate("update enrollments set sequence_version = :v where sequence_version is null")
        .bind("v", number)
        .execute();
    return number;
  }

  public int current() {
    return current;
  }

  public SequencePlan currentPlan() {
    return currentPlan;
  }

  /** The plan an enrollment runs on: its pinned version's. */
  public SequencePlan of(Enrollment e) {
    // 0: the column was still empty (an enrollment older than versions, not yet adopted).
    return e.sequenceVersion() == 0 ? currentPlan : plan(e.sequenceVersion());
  }

  /** The plan of a stored version; versions never change once stored, so each is read once. */
  public SequencePlan plan(int version) {
    return plans.computeIfAbsent(
        version,
        v -> find(v).orElseThrow(() -> new NurtureException("there is no sequence version " + v)));
  }

  public Optional<SequencePlan> find(int version) {
    SequencePlan known = plans.get(version);
    if (known != null) {
      return Optional.of(known);
    }
    return db.withHandle(
            h ->
                h.createQuery("select definition from sequence_versions where version = :v")
                    .bind("v", version)
                    .mapTo(String.class)
                    .findOne())
        .map(SequenceDefinition::fromJson);
  }

  /** Every version, oldest first, with how many enrollments are pinned to it. */
  public List<Version> all() {
    return db.withHandle(
        h ->
            h.createQuery(
                    "select v.version, v.hash, v.created_at,"
                        + " (select count(*) from enrollments e where e.sequence_version ="
                        + " v.version) as pinned from sequence_versions v order by v.version")
                .map(
                    (rs, ctx) ->
                        new Version(
                            rs.getInt("version"),
                            rs.getString("hash"),
                            Instant.ofEpochMilli(rs.getLong("created_at")),
                            rs.getInt("pinned")))
                .list());
  }
}

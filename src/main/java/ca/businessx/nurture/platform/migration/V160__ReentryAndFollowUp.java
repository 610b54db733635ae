package ca.businessx.nurture.platform.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * SQLite's half of V160 (PostgreSQL's is {@code db/migration/postgresql/V160__reentry.sql}): a
 * contact may have several enrollments over time, one of them current (re-entry); and Notion's
 * Sequence Status may be "Needs follow-up". Both need a table rebuild on SQLite, which cannot run
 * inside Flyway's transaction.
 */
public final class V160__ReentryAndFollowUp extends BaseJavaMigration {
  @Override
  public boolean canExecuteInTransaction() {
    return false;
  }

  @Override
  public void migrate(Context context) throws Exception {
    SqliteRebuild.run(
        context.getConnection(),
        rebuild -> {
          rebuild.table(
              "enrollments",
              ddl ->
                  ddl.replaceFirst("(contact_id\\s+varchar\\(36\\)\\s+not null)\\s+unique", "$1"));
          rebuild.table(
              "contacts",
              ddl ->
                  ddl.replaceFirst(
                      "('Stopped', 'Booked', 'Replied')\\)", "$1, 'Needs follow-up')"));
          rebuild.execute(ReentrySchema.SUPERSEDED_AT);
          rebuild.execute(ReentrySchema.CURRENT_INDEX);
        });
  }
}

package ca.businessx.nurture.platform.migration;

/** What V160 adds on both databases, written once. */
final class ReentrySchema {
  private ReentrySchema() {}

  // When a re-entry replaced this finished enrollment; the current one has none.
  static final String SUPERSEDED_AT = "alter table enrollments add column superseded_at bigint";

  // At most one current enrollment per contact: a second assessment never races a second one in.
  static final String CURRENT_INDEX =
      "create unique index enrollments_current_idx on enrollments (contact_id)"
          + " where superseded_at is null";
}

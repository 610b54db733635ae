-- A contact may have several enrollments over time (re-entry), one of them current: a finished
-- enrollment a re-entry replaced records when. SQLite's half is the Java migration
-- platform.migration.V160__ReentryAndFollowUp (the same columns and index).
alter table enrollments drop constraint enrollments_contact_id_key;
alter table enrollments add column superseded_at bigint;
create unique index enrollments_current_idx on enrollments (contact_id) where superseded_at is null;

-- Notion's Sequence Status shows "Needs follow-up" while an email waits for a person.
alter table contacts drop constraint contacts_crm_status_synced_check;
alter table contacts add constraint contacts_crm_status_synced_check check (crm_status_synced in
  ('Not Started', 'Active', 'Completed', 'Stopped', 'Booked', 'Replied', 'Needs follow-up'));

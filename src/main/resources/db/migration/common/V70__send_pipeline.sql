-- The send pipeline: an enrollment is the unit of due work. next_due_at says when to look at it
-- next (its step's due time, or a retry's); step_due_at keeps the step's scheduled time apart from
-- any retry, because the next step is planned from it, not from when an email finally went out.
alter table enrollments add column step_due_at bigint;
alter table enrollments add column last_sent_at bigint;
-- A batch claims its enrollments until claimed_until; claimed_by names the batch, so a batch taken
-- over after its lease ends is sent again with exactly the same members (a provider derives the
-- batch's idempotency from them). Cleared when the batch's outcome is recorded.
alter table enrollments add column claimed_by varchar(36);
alter table enrollments add column claimed_until bigint;
update enrollments set step_due_at = next_due_at;

-- The one query that finds due work reads this small index: only active, unclaimed rows.
create index enrollments_due_idx on enrollments (next_due_at, id)
  where state = 'ACTIVE' and claimed_by is null;
-- Batches whose lease may have run out.
create index enrollments_claimed_idx on enrollments (claimed_until, claimed_by)
  where claimed_by is not null;
drop index enrollments_unprepared_idx;

-- What the email was rendered from, so a later template edit can be told apart.
alter table emails add column template_hash varchar(64);

-- Batches are found through their enrollments now; these served the old email-level grouping.
drop index emails_group_idx;
drop index emails_ungrouped_due_idx;

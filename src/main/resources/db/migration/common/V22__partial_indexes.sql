-- Indexes that led with a state column let PostgreSQL, on a young table without statistics, pick
-- them over the primary key for "where id = ? and state = ?" and keep that plan cached: every
-- mark-sent statement then scanned all pending emails. Partial indexes hold only the rows their
-- queries look for (so they stay small as the tables grow) and offer no such choice.
drop index emails_dispatch_idx;
drop index enrollments_due_idx;
-- Ungrouped due emails, for a batch's leader to add to its group (EmailRepository.claimMore).
create index emails_ungrouped_due_idx on emails (next_attempt_at, id)
  where state = 'PENDING' and dispatch_group is null;
-- The follow-up list of parked emails, oldest first.
create index emails_parked_idx on emails (updated_at, id) where state = 'PARKED';

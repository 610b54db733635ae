-- Emails leave in groups (provider batches). A group's members are recorded before the provider is
-- called, so a retry after a timeout or crash resends exactly the same group under the same key.
alter table emails add column next_attempt_at bigint;
alter table emails add column dispatch_group varchar(36);
alter table emails add column claimed_until bigint;
update emails set next_attempt_at = due_at where state = 'PENDING';
create index emails_dispatch_idx on emails (state, next_attempt_at);
create index emails_group_idx on emails (dispatch_group);
create index enrollments_due_idx on enrollments (state, next_due_at);

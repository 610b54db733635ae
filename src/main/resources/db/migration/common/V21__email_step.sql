-- The step whose email is stored, kept beside current_step so "due enrollments whose email is not
-- stored yet" is one range of a partial index. Without it, finding them scanned every due
-- enrollment whose email was stored but not sent yet (thousands in a burst) for each batch.
alter table enrollments add column email_step integer not null default 0;
update enrollments set email_step = current_step
  where exists (select 1 from emails m where m.enrollment_id = enrollments.id and m.step = enrollments.current_step);
create index enrollments_unprepared_idx on enrollments (next_due_at, id)
  where state = 'ACTIVE' and email_step < current_step;

-- Each is the leading column of another index (emails_dispatch_idx, enrollments_due_idx), which
-- serves the same lookups; one index fewer to write on every email and step.
drop index emails_state_idx;
drop index enrollments_state_idx;

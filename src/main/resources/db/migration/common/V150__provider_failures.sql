-- Resend accepted an email and later reported it could not send it (email.failed, e.g. the daily
-- quota was reached): when, and the reason it gave. Such an email is shown for follow-up.
alter table emails add column failed_at bigint;
alter table emails add column failure_reason varchar(200);

-- Emails a provider without idempotency keys (SMTP) accepted, committed one by one as each is
-- accepted, so a group resent after a crash skips what already went out.
create table email_acceptances (
  idempotency_key     varchar(120) primary key,
  provider            varchar(20)  not null,
  provider_message_id varchar(200),
  accepted_at         bigint       not null
);

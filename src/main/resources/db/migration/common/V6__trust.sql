-- Addresses never to be mailed again, kept as SHA-256 of the normalised address so an erased
-- contact's entry holds no readable personal data.
create table suppressions (
  email_hash  varchar(64) primary key,
  reason      varchar(20) not null check (reason in ('UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED', 'FORGOTTEN')),
  created_at  bigint      not null
);

-- CASL's burden of proof: how and when consent was given.
alter table contacts add column consent_source varchar(40);
alter table contacts add column consent_at bigint;
alter table contacts add column consent_ip varchar(64);
alter table contacts add column consent_text varchar(2000);
alter table contacts add column unsubscribed_at bigint;

-- Provider webhooks already handled, so a redelivery changes nothing.
create table webhook_receipts (
  id           varchar(200) primary key,
  received_at  bigint       not null
);

alter table emails add column delivered_at bigint;
alter table emails add column opened_at bigint;
alter table emails add column clicked_at bigint;
alter table emails add column bounce_type varchar(20);
alter table emails add column complained_at bigint;
create index emails_provider_message_idx on emails (provider_message_id);

-- The schema as of the first release, one feature after another. Times are epoch milliseconds
-- (bigint) so the same SQL runs on SQLite and PostgreSQL; every state or kind column has a CHECK.
-- Migrations are append-only from here on: a change is a new file with the next version.

-- Contacts: one row per lead, matched by normalised email.
create table contacts (
  id                 varchar(36)  primary key,
  email              varchar(254) not null unique,
  name               varchar(200),
  first_name         varchar(100),
  business_name      varchar(200),
  -- The newest assessment, copied here for lists and templates.
  segment            varchar(10)  check (segment in ('CRITICAL', 'URGENT', 'OPTIMIZE')),
  red_systems        integer,
  orange_systems     integer,
  yellow_systems     integer,
  green_systems      integer,
  assessment_score   double precision,
  signed_up_at       bigint       not null,
  assessed_at        bigint,
  updated_at         bigint       not null,
  -- CASL's burden of proof: how and when consent was given, and when it was withdrawn.
  consent_source     varchar(40),
  consent_at         bigint,
  consent_ip         varchar(64),
  consent_text       varchar(2000),
  unsubscribed_at    bigint,
  -- An erased contact keeps its row (ids stay valid for the timeline and counts) without personal data.
  forgotten_at       bigint,
  -- CRM sync: crm_version counts local changes, crm_synced_version is the last one the CRM has
  -- seen, so "out of sync" is crm_version > crm_synced_version and nothing is ever lost.
  crm_page_id        varchar(100),
  crm_url            varchar(500),
  crm_version        integer      not null default 0,
  crm_synced_version integer      not null default 0,
  crm_status_synced  varchar(20)  check (crm_status_synced in ('Not Started', 'Active', 'Completed', 'Stopped', 'Booked', 'Replied')),
  crm_attempts       integer      not null default 0,
  crm_error          varchar(500),
  crm_synced_at      bigint
);
create index contacts_crm_backlog_idx on contacts (crm_version, crm_synced_version);

create table assessments (
  id               varchar(36) primary key,
  contact_id       varchar(36) not null references contacts (id),
  red_systems      integer     not null,
  orange_systems   integer     not null,
  yellow_systems   integer     not null,
  green_systems    integer     not null,
  assessment_score double precision,
  segment          varchar(10) not null check (segment in ('CRITICAL', 'URGENT', 'OPTIMIZE')),
  received_at      bigint      not null
);
create index assessments_contact_idx on assessments (contact_id);

-- Each contact's timeline: what happened, when, in words without personal data. Events written in
-- one transaction share a time; seq keeps them in the order they happened.
create table events (
  id          varchar(36)   primary key,
  contact_id  varchar(36)   not null references contacts (id),
  at          bigint        not null,
  seq         bigint        not null default 0,
  kind        varchar(40)   not null,
  detail      varchar(1000)
);
create index events_contact_idx on events (contact_id, at, seq);

-- The sequence: at most one enrollment per contact, so a repeated assessment never starts a
-- second one. current_step is the next email to send; email_step the step whose email is stored.
create table enrollments (
  id           varchar(36)  primary key,
  contact_id   varchar(36)  not null unique references contacts (id),
  state        varchar(10)  not null check (state in ('ACTIVE', 'PAUSED', 'COMPLETED', 'STOPPED', 'BOOKED', 'REPLIED')),
  current_step integer      not null,
  email_step   integer      not null default 0,
  started_at   bigint       not null,
  next_due_at  bigint,
  finished_at  bigint,
  stop_reason  varchar(200),
  updated_at   bigint       not null
);
-- Due enrollments whose email is not stored yet, as one range of a small index.
create index enrollments_unprepared_idx on enrollments (next_due_at, id)
  where state = 'ACTIVE' and email_step < current_step;

-- Every email, rendered and stored once under its idempotency key.
create table emails (
  id                  varchar(36)  primary key,
  enrollment_id       varchar(36)  not null references enrollments (id),
  contact_id          varchar(36)  not null references contacts (id),
  step                integer      not null,
  template_key        varchar(50)  not null,
  template_origin     varchar(20)  not null check (template_origin in ('default', 'config', 'notion')),
  idempotency_key     varchar(120) not null unique,
  state               varchar(10)  not null check (state in ('PENDING', 'SENT', 'PARKED', 'SKIPPED', 'CANCELLED')),
  subject             varchar(500) not null,
  html                text         not null,
  due_at              bigint       not null,
  attempts            integer      not null default 0,
  last_error          varchar(500),
  created_at          bigint       not null,
  updated_at          bigint       not null,
  -- Sending: a group's members are recorded before the provider is called, so a retry after a
  -- timeout or a crash resends exactly the same group under the same keys.
  next_attempt_at     bigint,
  dispatch_group      varchar(36),
  claimed_until       bigint,
  sent_at             bigint,
  sent_by             varchar(200),
  provider            varchar(20),
  provider_message_id varchar(200),
  -- What the provider reported afterwards.
  delivered_at        bigint,
  opened_at           bigint,
  clicked_at          bigint,
  bounce_type         varchar(20)  check (bounce_type in ('Permanent', 'Transient', 'Undetermined')),
  complained_at       bigint,
  unique (enrollment_id, step)
);
create index emails_contact_idx on emails (contact_id);
create index emails_created_idx on emails (created_at);
create index emails_group_idx on emails (dispatch_group);
create index emails_provider_message_idx on emails (provider_message_id);
-- Partial indexes hold only the rows their queries look for, so they stay small as the table
-- grows, and never tempt PostgreSQL away from the primary key for "where id = ? and state = ?".
create index emails_ungrouped_due_idx on emails (next_attempt_at, id)
  where state = 'PENDING' and dispatch_group is null;
create index emails_parked_idx on emails (updated_at, id) where state = 'PARKED';

-- Calls booked through a calendar (Cal.com, Calendly, or any tool through the generic webhook),
-- one row per provider booking. A booking ends the lead's sequence; it is attributed to the last
-- email sent before it and to the last email clicked, if any.
create table bookings (
  id                 varchar(36)  primary key,
  contact_id         varchar(36)  not null references contacts (id),
  source             varchar(20)  not null check (source in ('calcom', 'calendly', 'api')),
  external_id        varchar(200) not null,
  state              varchar(10)  not null check (state in ('BOOKED', 'CANCELLED')),
  starts_at          bigint,
  booked_at          bigint       not null,
  cancelled_at       bigint,
  last_sent_email    varchar(36)  references emails (id),
  last_clicked_email varchar(36)  references emails (id),
  updated_at         bigint       not null,
  unique (source, external_id)
);
create index bookings_contact_idx on bookings (contact_id, booked_at);

-- Replies from leads (Resend's inbound mail, or any mailbox through the reply webhook). A reply
-- pauses the lead's sequence until a person resumes or stops it. Erasure deletes the text.
create table replies (
  id           varchar(36)   primary key,
  contact_id   varchar(36)   references contacts (id),
  source       varchar(20)   not null check (source in ('resend', 'api')),
  external_id  varchar(200)  not null unique,
  subject      varchar(500),
  body         varchar(4000),
  received_at  bigint        not null
);
create index replies_contact_idx on replies (contact_id, received_at);

-- The local outbox: what the default sender "delivered", keyed like a provider would dedupe.
create table outbox (
  id              varchar(36)  primary key,
  idempotency_key varchar(120) not null unique,
  recipient       varchar(254) not null,
  template_key    varchar(50),
  subject         varchar(500) not null,
  html            text         not null,
  headers         text,
  recorded_at     bigint       not null
);
create index outbox_recorded_idx on outbox (recorded_at);

-- Addresses never to be mailed again, kept as SHA-256 of the normalised address so an erased
-- contact's entry holds no readable personal data.
create table suppressions (
  email_hash  varchar(64) primary key,
  reason      varchar(20) not null check (reason in ('UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED', 'FORGOTTEN')),
  created_at  bigint      not null
);

-- Provider webhooks already handled, so a redelivery changes nothing.
create table webhook_receipts (
  id           varchar(200) primary key,
  received_at  bigint       not null
);

-- Small pieces of service state, such as how far the CRM has been polled.
create table service_state (
  name   varchar(100)  primary key,
  value  varchar(1000) not null
);

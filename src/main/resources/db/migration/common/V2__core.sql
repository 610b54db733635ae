-- Times are epoch milliseconds (bigint) so the same SQL runs on SQLite and PostgreSQL.

create table contacts (
  id              varchar(36)  primary key,
  email           varchar(254) not null unique,
  name            varchar(200),
  first_name      varchar(100),
  business_name   varchar(200),
  segment         varchar(10)  check (segment in ('CRITICAL', 'URGENT', 'OPTIMIZE')),
  red_systems     integer,
  orange_systems  integer,
  yellow_systems  integer,
  green_systems   integer,
  assessment_score double precision,
  signed_up_at    bigint       not null,
  assessed_at     bigint,
  updated_at      bigint       not null
);

create table assessments (
  id              varchar(36) primary key,
  contact_id      varchar(36) not null references contacts (id),
  red_systems     integer     not null,
  orange_systems  integer     not null,
  yellow_systems  integer     not null,
  green_systems   integer     not null,
  assessment_score double precision,
  segment         varchar(10) not null check (segment in ('CRITICAL', 'URGENT', 'OPTIMIZE')),
  received_at     bigint      not null
);
create index assessments_contact_idx on assessments (contact_id);

-- At most one enrollment per contact: a repeated assessment never starts a second sequence.
create table enrollments (
  id              varchar(36) primary key,
  contact_id      varchar(36) not null unique references contacts (id),
  state           varchar(10) not null check (state in ('ACTIVE', 'PAUSED', 'COMPLETED', 'STOPPED')),
  current_step    integer     not null,
  started_at      bigint      not null,
  next_due_at     bigint,
  finished_at     bigint,
  stop_reason     varchar(200),
  updated_at      bigint      not null
);
create index enrollments_state_idx on enrollments (state);

create table emails (
  id                  varchar(36)  primary key,
  enrollment_id       varchar(36)  not null references enrollments (id),
  contact_id          varchar(36)  not null references contacts (id),
  step                integer      not null,
  template_key        varchar(50)  not null,
  template_origin     varchar(20)  not null,
  idempotency_key     varchar(120) not null unique,
  state               varchar(10)  not null check (state in ('PENDING', 'SENT', 'PARKED', 'SKIPPED', 'CANCELLED')),
  subject             varchar(500) not null,
  html                text         not null,
  due_at              bigint       not null,
  sent_at             bigint,
  provider            varchar(20),
  provider_message_id varchar(200),
  attempts            integer      not null default 0,
  last_error          varchar(500),
  created_at          bigint       not null,
  updated_at          bigint       not null,
  unique (enrollment_id, step)
);
create index emails_contact_idx on emails (contact_id);
create index emails_created_idx on emails (created_at);
create index emails_state_idx on emails (state);

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

-- Each contact's timeline: what happened, when, in words without personal data.
create table events (
  id          varchar(36)  primary key,
  contact_id  varchar(36)  not null references contacts (id),
  at          bigint       not null,
  kind        varchar(40)  not null,
  detail      varchar(1000)
);
create index events_contact_idx on events (contact_id, at);

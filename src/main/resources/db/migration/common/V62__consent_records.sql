-- CASL's burden of proof, append-only: every consent a lead gave or asked to give, never updated.
create table consent_records (
  id            varchar(36)   primary key,
  contact_id    varchar(36)   not null references contacts (id),
  kind          varchar(30)   not null check (kind in ('SIGNUP', 'RESUBSCRIBE_REQUESTED', 'RESUBSCRIBE_CONFIRMED', 'CRM_IMPORT')),
  source        varchar(40)   not null,
  client_ip     varchar(64),
  consent_text  varchar(2000),
  form_id       varchar(200),
  explicit_opt_in integer     not null check (explicit_opt_in in (0, 1)),
  at            bigint        not null
);
create index consent_records_contact_idx on consent_records (contact_id, at);

-- An unsubscribed address asking to be mailed again: it must click the confirmation email's link.
create table resubscribe_requests (
  id            varchar(36) primary key,
  contact_id    varchar(36) not null references contacts (id),
  state         varchar(10) not null check (state in ('PENDING', 'CONFIRMED')),
  requested_at  bigint      not null,
  confirmed_at  bigint
);
create index resubscribe_requests_contact_idx on resubscribe_requests (contact_id, requested_at);

-- A repeated signup never overwrites a lead's profile: a different value waits here until a person
-- accepts it (the public form lets anyone post any address with any name).
create table profile_proposals (
  id           varchar(36)  primary key,
  contact_id   varchar(36)  not null references contacts (id),
  field        varchar(20)  not null check (field in ('name', 'first_name', 'business_name')),
  value        varchar(200) not null,
  state        varchar(10)  not null check (state in ('PROPOSED', 'ACCEPTED', 'SUPERSEDED')),
  proposed_at  bigint       not null,
  decided_at   bigint
);
create index profile_proposals_contact_idx on profile_proposals (contact_id);

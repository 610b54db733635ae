-- Events written in one transaction share a time; seq keeps them in the order they happened.
alter table events add column seq bigint not null default 0;
drop index events_contact_idx;
create index events_contact_idx on events (contact_id, at, seq);

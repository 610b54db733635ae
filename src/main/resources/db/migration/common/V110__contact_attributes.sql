-- A form's other fields (utm_source, utm_campaign, referrer...), kept on the contact as sent with
-- its first signup that carried each: a repeated signup adds names, never overwrites a value, so a
-- lead's first touch is what attribution reads.
create table contact_attributes (
  contact_id  varchar(36)  not null references contacts (id),
  name        varchar(64)  not null,
  value       varchar(500) not null,
  recorded_at bigint       not null,
  primary key (contact_id, name)
);

-- Clicks on an email's links, once per email and link name, whichever reported it first: the
-- service's own signed redirect (/r/{token}) or Resend's click tracking. A link's name is
-- 'booking' for the booking link, else the template's data-link attribute or link-<n>.
create table link_clicks (
  id          varchar(36)  primary key,
  email_id    varchar(36)  not null references emails (id),
  contact_id  varchar(36)  not null references contacts (id),
  link_name   varchar(60)  not null,
  source      varchar(10)  not null check (source in ('redirect', 'resend')),
  clicked_at  bigint       not null,
  unique (email_id, link_name)
);
create index link_clicks_contact_idx on link_clicks (contact_id, clicked_at);

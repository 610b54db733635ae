-- "Hot lead" notices to the team, at most one per lead per seven days: why (the engagement score
-- crossed HOT_LEAD_SCORE, or a booking-link click with no booking HOT_LEAD_GRACE later) and the
-- score at that moment. The id is derived from what caused it, so a retried decision adds nothing.
create table hot_lead_notices (
  id          varchar(120)     primary key,
  contact_id  varchar(36)      not null references contacts (id),
  reason      varchar(20)      not null check (reason in ('SCORE', 'BOOKING_LINK')),
  score       double precision not null,
  noticed_at  bigint           not null
);
create index hot_lead_notices_contact_idx on hot_lead_notices (contact_id, noticed_at);

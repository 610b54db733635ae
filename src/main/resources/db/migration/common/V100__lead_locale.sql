-- Where a lead is and which language it reads (issue 13). Stored as the website sent them, not
-- resolved: the zone and the language are derived when needed, so DEFAULT_TIMEZONE and the
-- language defaults apply to every lead that never said, including leads made before this column.
-- province is the one the lead gave, else the one its postal code names.
alter table contacts add column timezone varchar(64);
alter table contacts add column province varchar(2);
alter table contacts add column postal_code varchar(7);
alter table contacts add column language varchar(2) check (language in ('en', 'fr'));

-- The language each email was written in, as the renderer chose it; null for emails made before.
alter table emails add column language varchar(2) check (language in ('en', 'fr'));

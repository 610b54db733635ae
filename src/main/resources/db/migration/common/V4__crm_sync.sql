-- CRM sync state per contact. crm_version counts local changes; crm_synced_version is the last one
-- the CRM has seen, so "out of sync" is crm_version > crm_synced_version and nothing is ever lost.
alter table contacts add column crm_page_id varchar(100);
alter table contacts add column crm_url varchar(500);
alter table contacts add column crm_version integer not null default 0;
alter table contacts add column crm_synced_version integer not null default 0;
alter table contacts add column crm_status_synced varchar(20);
alter table contacts add column crm_attempts integer not null default 0;
alter table contacts add column crm_error varchar(500);
alter table contacts add column crm_synced_at bigint;
create index contacts_crm_backlog_idx on contacts (crm_version, crm_synced_version);

-- Small pieces of service state, such as how far the CRM has been polled.
create table service_state (
  name   varchar(100) primary key,
  value  varchar(1000) not null
);

-- db-scheduler's tables, as its project ships them for PostgreSQL (16.12.0): scheduled_tasks runs the
-- email sequence; integration_tasks runs calls to outside systems (CRM sync, alerts), so a slow or
-- rate-limited provider can never take the threads that send email.
create table scheduled_tasks (
  task_name text not null,
  task_instance text not null,
  task_data bytea,
  execution_time timestamp with time zone not null,
  picked boolean not null,
  picked_by text,
  last_success timestamp with time zone,
  last_failure timestamp with time zone,
  consecutive_failures int,
  last_heartbeat timestamp with time zone,
  version bigint not null,
  priority smallint,
  primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

create table integration_tasks (
  task_name text not null,
  task_instance text not null,
  task_data bytea,
  execution_time timestamp with time zone not null,
  picked boolean not null,
  picked_by text,
  last_success timestamp with time zone,
  last_failure timestamp with time zone,
  consecutive_failures int,
  last_heartbeat timestamp with time zone,
  version bigint not null,
  priority smallint,
  primary key (task_name, task_instance)
);
create index integration_execution_time_idx on integration_tasks (execution_time);
create index integration_last_heartbeat_idx on integration_tasks (last_heartbeat);
create index priority_integration_execution_time_idx on integration_tasks (priority desc, execution_time asc);

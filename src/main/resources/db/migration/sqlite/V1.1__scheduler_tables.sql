-- db-scheduler's tables, as its project ships them for SQLite (16.12.0): scheduled_tasks runs the
-- email sequence; integration_tasks runs calls to outside systems (CRM sync, alerts), so a slow or
-- rate-limited provider can never take the threads that send email.
create table scheduled_tasks (
    task_name varchar(100),
    task_instance varchar(100),
    task_data blob,
    execution_time TIMESTAMP,
    picked BIT,
    picked_by varchar(50),
    last_success TIMESTAMP,
    last_failure TIMESTAMP,
    consecutive_failures INT,
    last_heartbeat TIMESTAMP,
    version BIGINT,
    priority SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

create table integration_tasks (
    task_name varchar(100),
    task_instance varchar(100),
    task_data blob,
    execution_time TIMESTAMP,
    picked BIT,
    picked_by varchar(50),
    last_success TIMESTAMP,
    last_failure TIMESTAMP,
    consecutive_failures INT,
    last_heartbeat TIMESTAMP,
    version BIGINT,
    priority SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
create index integration_execution_time_idx on integration_tasks (execution_time);
create index integration_last_heartbeat_idx on integration_tasks (last_heartbeat);
create index priority_integration_execution_time_idx on integration_tasks (priority desc, execution_time asc);

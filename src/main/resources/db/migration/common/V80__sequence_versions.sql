-- Each distinct sequence definition the service has run; an enrollment keeps the one it began on.
create table sequence_versions (
  version    integer      primary key,
  hash       varchar(64)  not null unique,
  definition text         not null,
  created_at bigint       not null
);

-- Null only for enrollments made before versions existed; the first version registered adopts them.
alter table enrollments add column sequence_version integer references sequence_versions (version);

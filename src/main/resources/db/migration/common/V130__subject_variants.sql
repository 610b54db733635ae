-- Which subject line an email went out with, when its template has two (A/B subjects).
alter table emails add column subject_variant varchar(1) check (subject_variant in ('A', 'B'));

-- A variant a person (or the stated rule) promoted: from then on every lead gets it.
create table subject_promotions (
  template_key varchar(50) primary key,
  variant      varchar(1)  not null check (variant in ('A', 'B')),
  promoted_by  varchar(10) not null check (promoted_by in ('person', 'rule')),
  promoted_at  bigint      not null
);

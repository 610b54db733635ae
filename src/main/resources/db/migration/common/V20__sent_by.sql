-- Which node sent each email (its NURTURE_NODE_NAME, or host and pid): for operators of several
-- nodes on one database, and for the cluster test that checks every worker did part of the work.
alter table emails add column sent_by varchar(200);

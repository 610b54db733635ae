-- The segment a contact had before its latest assessment, written by the same update that sets the
-- new one (SET reads the old row). An assessment is then one update that answers both the contact
-- and whether its segment changed (a change into CRITICAL alerts once), with no read before it; on
-- PostgreSQL the row lock makes concurrent assessments of one lead see each other's segment.
alter table contacts add column previous_segment varchar(10);

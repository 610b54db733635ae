-- A batch's rows are looked up by its id on every draft and takeover: its stored emails by
-- dispatch_group (V70 dropped that index with the old grouping, so each batch read the whole
-- emails table) and its enrollments by claimed_by (the claim index leads with claimed_until).
-- Both tables only grow, so without these every batch got slower with every lead ever sent to.
create index emails_batch_idx on emails (dispatch_group) where dispatch_group is not null;
create index enrollments_batch_idx on enrollments (claimed_by) where claimed_by is not null;

-- An erased contact keeps its row (ids stay valid for the timeline and counts) without personal data.
alter table contacts add column forgotten_at bigint;

-- The funnel counts a booking for the last email sent before it: looked up per sent email.
create index bookings_last_sent_idx on bookings (last_sent_email);

-- Signed lead webhooks already accepted, so a captured request cannot be replayed while its
-- timestamp is still fresh. Kept in the database because nodes behind a load balancer share it;
-- a row is useless (and deleted) once its timestamp has left the acceptance window.
create table seen_webhook_signatures (
    signature_hash varchar(64) primary key,
    expires_at bigint not null
);
create index seen_webhook_signatures_expiry on seen_webhook_signatures (expires_at);

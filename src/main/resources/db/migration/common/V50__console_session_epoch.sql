-- The console's sessions are stateless cookies (any node checks them) that name an epoch; this
-- one row holds the current epoch. Logging out moves it on, which ends every session on every
-- node; a changed ADMIN_TOKEN (told by its fingerprint, an HMAC keyed by the token) does too.
create table console_session_epoch (
    id integer primary key check (id = 1),
    epoch bigint not null check (epoch >= 1),
    token_fingerprint varchar(64) not null,
    changed_at bigint not null
);

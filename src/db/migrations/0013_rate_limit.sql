-- Requests counted per key in fixed windows: sign-ups per client address
-- ("signup:ip:..."), password resets per address ("reset:email:...") and per
-- client address ("reset:ip:..."). window_start is in seconds since 1970.
CREATE TABLE rate_limit (
  key           TEXT PRIMARY KEY,
  window_start  INTEGER NOT NULL,
  count         INTEGER NOT NULL
);

-- Password resets asked for and not yet handled. The request only adds a row
-- here, whether or not the address has an account, so that both take the same
-- path and time; the worker looks the address up and mails the code.
CREATE TABLE reset_request (
  id            TEXT PRIMARY KEY,
  email         TEXT NOT NULL,
  requested_at  TEXT NOT NULL
);
CREATE INDEX reset_request_by_time ON reset_request (requested_at);

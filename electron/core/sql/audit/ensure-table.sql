/* ticketz-console */
-- The console's audit log in the audited database itself, created on first use.
CREATE /* ticketz-console */ SCHEMA IF NOT EXISTS ticketz_console;
CREATE /* ticketz-console */ TABLE IF NOT EXISTS ticketz_console.audit_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  at timestamptz NOT NULL DEFAULT now(),
  role text NOT NULL DEFAULT current_user,
  os_user text NOT NULL,
  host text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  detail text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'cancelled')),
  duration_ms double precision NOT NULL,
  error text
);
CREATE /* ticketz-console */ INDEX IF NOT EXISTS audit_log_at_idx ON ticketz_console.audit_log (at DESC);

/* ticketz-console */
-- Prepares a session pinned to an editor tab (Manual mode): the server itself ends the session
-- when it sits idle inside a transaction for more than $1 milliseconds, a backstop behind the
-- console's own idle limit (if the console is killed, nothing stays open with its locks held).
-- Session-level (is_local = false), so it outlives each transaction; RESET ALL removes it when the
-- session goes back to the pool. Source: PG docs, idle_in_transaction_session_timeout and set_config.
SELECT /* ticketz-console */ pg_catalog.set_config('idle_in_transaction_session_timeout', $1::text, false) AS idle_in_transaction_session_timeout

/* ticketz-console */
-- Whether the open transaction changed anything: PostgreSQL assigns a transaction id only when a
-- transaction first writes (rows, catalog entries, row locks), and this reads it without assigning
-- one. Source: PG docs, "Transaction ID and Snapshot Information Functions" (PostgreSQL 13+).
SELECT /* ticketz-console */ pg_catalog.pg_current_xact_id_if_assigned() IS NOT NULL AS wrote

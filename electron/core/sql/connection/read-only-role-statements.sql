/* ticketz-console */
-- The statements that create a login role which can read everything and write nothing, quoted by
-- the server (format %I / %L), so no SQL is built from input in the console. PostgreSQL 14+ grants
-- pg_read_all_data; 13 grants USAGE and SELECT per schema, with default privileges for tables the
-- connected role creates later. The role's sessions also start read-only.
-- Sources: https://www.postgresql.org/docs/current/predefined-roles.html,
-- https://www.postgresql.org/docs/current/sql-alterdefaultprivileges.html
-- $1 = role name, $2 = password
WITH /* ticketz-console */ user_schemas AS (
  SELECT n.nspname
    FROM pg_catalog.pg_namespace AS n
   WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname NOT LIKE 'pg\_%'
),
modern AS (
  SELECT current_setting('server_version_num')::int >= 140000 AS v14
)
SELECT statement
  FROM (
    SELECT 1 AS step, '' AS nspname, pg_catalog.format('CREATE ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS statement
    UNION ALL
    SELECT 2, '', pg_catalog.format('ALTER ROLE %I SET default_transaction_read_only = on', $1::text)
    UNION ALL
    SELECT 3, '', pg_catalog.format('GRANT CONNECT ON DATABASE %I TO %I', pg_catalog.current_database(), $1::text)
    UNION ALL
    SELECT 4, '', pg_catalog.format('GRANT pg_read_all_data TO %I', $1::text) FROM modern WHERE v14
    UNION ALL
    SELECT 5, s.nspname, pg_catalog.format('GRANT USAGE ON SCHEMA %I TO %I', s.nspname, $1::text)
      FROM user_schemas AS s, modern WHERE NOT v14
    UNION ALL
    SELECT 6, s.nspname, pg_catalog.format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', s.nspname, $1::text)
      FROM user_schemas AS s, modern WHERE NOT v14
    UNION ALL
    SELECT 7, s.nspname, pg_catalog.format('GRANT SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', s.nspname, $1::text)
      FROM user_schemas AS s, modern WHERE NOT v14
    UNION ALL
    SELECT 8, s.nspname, pg_catalog.format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO %I', s.nspname, $1::text)
      FROM user_schemas AS s, modern WHERE NOT v14
  ) AS planned
 ORDER BY step, nspname

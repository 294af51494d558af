/* ticketz-console */
-- Whether the connected role itself may change data, whatever the console enforces: superuser,
-- membership in pg_write_all_data (PostgreSQL 14+), and tables it may write or schemas it may create in.
-- Sources: https://www.postgresql.org/docs/current/predefined-roles.html,
-- https://www.postgresql.org/docs/current/functions-info.html (has_table_privilege, has_schema_privilege).
SELECT /* ticketz-console */ coalesce(r.rolsuper, false) AS superuser,
       coalesce(r.rolcreaterole, false) OR coalesce(r.rolsuper, false) AS can_create_roles,
       coalesce((SELECT pg_catalog.pg_has_role(current_user, w.oid, 'USAGE')
                   FROM pg_catalog.pg_roles AS w
                  WHERE w.rolname = 'pg_write_all_data'), false) AS write_all_data,
       (SELECT count(*)
          FROM pg_catalog.pg_class AS c
          JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p')
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_%'
           AND pg_catalog.has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')) AS writable_tables,
       (SELECT count(*)
          FROM pg_catalog.pg_namespace AS n
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\_%'
           AND pg_catalog.has_schema_privilege(n.oid, 'CREATE')) AS creatable_schemas
  FROM pg_catalog.pg_roles AS r
 WHERE r.rolname = current_user

/* ticketz-console */
-- The relation named $2 in schema $1 (pg_class_relname_nsp_index), with what a table page's
-- header shows: kind, owner, comment, row security, partitioning (key, parent, bound, count) and,
-- for plain inheritance, the parents in INHERITS order.
-- Source: PG docs, pg_class, pg_partitioned_table, pg_get_partkeydef, pg_get_expr(relpartbound).
SELECT /* ticketz-console */ c.oid::int8::text AS oid,
       c.relkind::text AS relkind,
       pg_catalog.pg_get_userbyid(c.relowner) AS owner,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
       c.relrowsecurity AS row_security,
       c.relforcerowsecurity AS force_row_security,
       c.relispartition AS is_partition,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT count(*) FROM pg_catalog.pg_inherits AS i WHERE i.inhparent = c.oid)::int
            ELSE 0
       END AS partition_count,
       pn.nspname AS parent_schema,
       pc.relname AS parent_name,
       CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       ARRAY(
         SELECT pg_catalog.quote_ident(ipn.nspname) || '.' || pg_catalog.quote_ident(ipc.relname)
         FROM pg_catalog.pg_inherits AS ii
         JOIN pg_catalog.pg_class AS ipc ON ipc.oid = ii.inhparent
         JOIN pg_catalog.pg_namespace AS ipn ON ipn.oid = ipc.relnamespace
         WHERE ii.inhrelid = c.oid
           AND NOT c.relispartition
         ORDER BY ii.inhseqno
       )::text[] AS inherits,
       c.relpersistence::text AS persistence,
       c.relkind = 'm' AND NOT c.relispopulated AS unpopulated
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_inherits AS i ON c.relispartition AND i.inhrelid = c.oid
LEFT JOIN pg_catalog.pg_class AS pc ON pc.oid = i.inhparent
LEFT JOIN pg_catalog.pg_namespace AS pn ON pn.oid = pc.relnamespace
WHERE n.nspname = $1
  AND c.relname = $2

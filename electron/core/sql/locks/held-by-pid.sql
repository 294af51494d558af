/* ticketz-console */
-- The locks one backend ($1 pid) holds or waits for, with the locked relation's name and kind.
-- Its own virtual transaction id lock is left out (every transaction holds one). Objects other than
-- relations (schemas, types …) are named by pg_describe_object.
-- Source: PG docs 54.12 pg_locks; 13.3.1 Table-Level Locks.
SELECT /* ticketz-console */ l.locktype,
       l.mode,
       l.granted,
       CASE
         WHEN l.relation IS NOT NULL AND c.oid IS NOT NULL THEN pg_catalog.format('%s', c.oid::pg_catalog.regclass)
         WHEN l.relation IS NOT NULL THEN 'relation ' || l.relation || ' (not in the catalog this session sees: created or dropped by an uncommitted transaction)'
         WHEN l.transactionid IS NOT NULL THEN 'transaction ' || l.transactionid
         WHEN l.locktype = 'advisory' THEN 'advisory ' || l.classid || ':' || l.objid
         WHEN l.locktype = 'object' THEN coalesce(pg_catalog.pg_describe_object(l.classid, l.objid, l.objsubid), 'object ' || l.objid || ' (created or dropped by an uncommitted transaction)')
         ELSE l.locktype || coalesce(' ' || l.objid, '')
       END AS object,
       c.relkind::text AS relkind,
       n.nspname AS schema
  FROM pg_catalog.pg_locks AS l
  LEFT JOIN pg_catalog.pg_class AS c ON c.oid = l.relation
  LEFT JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
 WHERE l.pid = $1
   AND l.locktype <> 'virtualxid'
 ORDER BY l.granted, l.locktype, 4, l.mode

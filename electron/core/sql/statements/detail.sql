/* ticketz-console */
-- Every counter of one statement, whatever this server's pg_stat_statements version calls them
-- (SELECT * on purpose: the detail view lists the columns as the server names them).
-- $1 userid, $2 dbid, $3 queryid; toplevel is matched by the caller because it only exists from 1.9.
-- Source: https://www.postgresql.org/docs/current/pgstatstatements.html
SELECT /* ticketz-console */ s.*
  FROM pg_stat_statements AS s
 WHERE s.userid = $1::oid
   AND s.dbid = $2::oid
   AND s.queryid = $3::int8

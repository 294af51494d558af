/* ticketz-console */
-- Table privileges of relation $1 (oid), one row per grantee and privilege; with no ACL the
-- owner's defaults (acldefault). Source: PG docs, "Privileges" (aclexplode, acldefault).
SELECT /* ticketz-console */ CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee) END AS grantee,
       x.privilege_type AS privilege,
       x.is_grantable AS grantable,
       pg_catalog.pg_get_userbyid(x.grantor) AS grantor
FROM pg_catalog.pg_class AS c,
     LATERAL pg_catalog.aclexplode(coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))) AS x
WHERE c.oid = $1::oid
ORDER BY grantee, privilege

/**
 * Task kinds that run pg_dump / pg_restore as child processes: cancel stops the process (and any
 * server-side query of the task); progress counts the tables the tool reports on stderr.
 */
export const backupTaskKinds = ['backup.create', 'backup.verify', 'backup.restore', 'backup.rehearse'] as const;

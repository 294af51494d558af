import { walk } from '../sql-parser/ast';
import type { SqlStatement } from '../sql-parser';
import { READ_ONLY_SETTINGS, SERVER_FILE_FUNCTIONS, SIDE_EFFECT_FUNCTIONS } from './risky-functions';

/** What a run must respect, decided from the profile and the editor's switch. */
export interface GuardPolicy {
  /** Everything must stay inside the console's READ ONLY transaction (a read-only profile, or the editor's switch). */
  readOnly: boolean;
  /** The profile allows server-side programs and files (COPY … PROGRAM, COPY with a file, pg_read_file …). */
  serverFiles: boolean;
}

export interface GuardRefusal {
  /** The statement or call refused, as the user would name it: `SET default_transaction_read_only`, `dblink()`. */
  target: string;
  /** Why, for the user and the audit log. */
  reason: string;
}

const TRANSACTION_NAMES: Record<string, string> = {
  TRANS_STMT_BEGIN: 'BEGIN',
  TRANS_STMT_START: 'START TRANSACTION',
  TRANS_STMT_COMMIT: 'COMMIT',
  TRANS_STMT_ROLLBACK: 'ROLLBACK',
  TRANS_STMT_SAVEPOINT: 'SAVEPOINT',
  TRANS_STMT_RELEASE: 'RELEASE SAVEPOINT',
  TRANS_STMT_ROLLBACK_TO: 'ROLLBACK TO SAVEPOINT',
  TRANS_STMT_PREPARE: 'PREPARE TRANSACTION',
  TRANS_STMT_COMMIT_PREPARED: 'COMMIT PREPARED',
  TRANS_STMT_ROLLBACK_PREPARED: 'ROLLBACK PREPARED',
};

/**
 * Statements a READ ONLY transaction lets through although they change the server: PostgreSQL
 * classifies VACUUM, ANALYZE, REINDEX, CLUSTER and CHECKPOINT as fine in a read-only transaction
 * (they do not change what pg_dump sees) — ClassifyUtilityCommandAsReadOnly in utility.c.
 */
const SERVER_CHANGING: Record<string, [name: string, why: string]> = {
  VacuumStmt: ['VACUUM/ANALYZE', 'VACUUM/ANALYZE rewrites tables or their statistics'],
  ReindexStmt: ['REINDEX', 'REINDEX rebuilds indexes under a lock that blocks the application'],
  ClusterStmt: ['CLUSTER', 'CLUSTER rewrites a table under an ACCESS EXCLUSIVE lock'],
  CheckPointStmt: ['CHECKPOINT', 'CHECKPOINT forces a server-wide write of every dirty buffer'],
  LoadStmt: ['LOAD', 'LOAD loads a shared library into the server'],
  AlterSystemStmt: ['ALTER SYSTEM', 'ALTER SYSTEM changes the server configuration'],
  RefreshMatViewStmt: ['REFRESH MATERIALIZED VIEW', 'REFRESH MATERIALIZED VIEW rewrites the view'],
};

const KEEP =
  'On a read-only connection (or with the editor’s Read-only switch on) the console runs every statement inside its own READ ONLY transaction';

function lower(name: unknown): string {
  return typeof name === 'string' ? name.toLowerCase() : '';
}

function functionName(fields: Record<string, unknown>): string {
  const parts = Array.isArray(fields.funcname) ? fields.funcname : [];
  const last = parts.at(-1) as { String?: { sval?: string } } | undefined;
  return lower(last?.String?.sval);
}

/** set_config's first argument when it is a string constant; undefined when computed. */
function constantSettingName(fields: Record<string, unknown>): string | undefined {
  const first = (Array.isArray(fields.args) ? fields.args[0] : undefined) as { A_Const?: { sval?: { sval?: string } } } | undefined;
  const value = first?.A_Const?.sval?.sval;
  return value === undefined ? undefined : value.toLowerCase().trim();
}

function readWriteOption(args: unknown): boolean {
  if (!Array.isArray(args)) return false;
  return args.some((item) => {
    const def = (item as { DefElem?: { defname?: string; arg?: { A_Const?: { ival?: { ival?: number } } } } }).DefElem;
    // libpg_query omits zero values: READ WRITE is `transaction_read_only` with `ival: {}`.
    return def?.defname === 'transaction_read_only' && (def.arg?.A_Const?.ival?.ival ?? 0) === 0;
  });
}

function settingRefusal(node: Record<string, unknown>): GuardRefusal | undefined {
  const kind = node.kind as string;
  const name = lower(node.name);
  if (kind === 'VAR_SET_MULTI' && name === 'session characteristics')
    return {
      target: 'SET SESSION CHARACTERISTICS',
      reason: `SET SESSION CHARACTERISTICS changes the defaults of later transactions. ${KEEP}.`,
    };
  if (kind === 'VAR_SET_MULTI' && name === 'transaction' && readWriteOption(node.args))
    return { target: 'SET TRANSACTION READ WRITE', reason: `SET TRANSACTION READ WRITE would make the transaction writable. ${KEEP}.` };
  if (kind === 'VAR_RESET_ALL')
    return {
      target: 'RESET ALL',
      reason: `RESET ALL resets default_transaction_read_only with every other setting. ${KEEP}; reset settings one by one.`,
    };
  if (READ_ONLY_SETTINGS.has(name)) {
    const verb = kind === 'VAR_RESET' ? 'RESET' : node.is_local ? 'SET LOCAL' : 'SET';
    return { target: `${verb} ${name}`, reason: `${verb} ${name} would let later statements write. ${KEEP}.` };
  }
  return undefined;
}

/** The first call in the tree that would act outside the read-only transaction, or undefined. */
function callRefusal(node: unknown, policy: GuardPolicy): GuardRefusal | undefined {
  let found: GuardRefusal | undefined;
  walk(node, (tag, fields) => {
    if (found) return false;
    if (tag !== 'FuncCall') return true;
    const name = functionName(fields);
    if (name === 'set_config' && policy.readOnly) {
      const setting = constantSettingName(fields);
      if (setting === undefined || READ_ONLY_SETTINGS.has(setting))
        found = {
          target: `set_config(${setting === undefined ? '…' : `'${setting}'`})`,
          reason:
            setting === undefined
              ? `set_config() with a computed setting name could switch read-only off, so it is refused. ${KEEP}; name the setting as a string.`
              : `set_config('${setting}') would let later statements write. ${KEEP}.`,
        };
    } else if (!policy.serverFiles && SERVER_FILE_FUNCTIONS[name]) {
      found = { target: `${name}()`, reason: `${name}() ${SERVER_FILE_FUNCTIONS[name]}. ${SERVER_FILES_HINT}` };
    } else if (policy.readOnly && SIDE_EFFECT_FUNCTIONS[name]) {
      found = {
        target: `${name}()`,
        reason: `${name}() ${SIDE_EFFECT_FUNCTIONS[name]}, which a READ ONLY transaction does not stop. It is refused on a read-only run.`,
      };
    }
    return !found;
  });
  return found;
}

const SERVER_FILES_HINT =
  'Server-side programs and files are refused unless the connection allows them (Connections → edit → Allow server-side programs and files).';

function copyRefusal(node: Record<string, unknown>, policy: GuardPolicy): GuardRefusal | undefined {
  if (typeof node.filename !== 'string') return undefined;
  const direction = node.is_from ? 'FROM' : 'TO';
  if (node.is_program) {
    const target = `COPY … ${direction} PROGRAM`;
    if (policy.readOnly)
      return { target, reason: `${target} runs an operating-system command on the server. It is refused on a read-only run.` };
    if (!policy.serverFiles) return { target, reason: `${target} runs an operating-system command on the server. ${SERVER_FILES_HINT}` };
    return undefined;
  }
  const target = `COPY … ${direction} '${node.filename}'`;
  if (policy.readOnly && !node.is_from)
    return { target, reason: `${target} writes a file on the server. It is refused on a read-only run.` };
  if (!policy.serverFiles)
    return { target, reason: `${target} ${node.is_from ? 'reads' : 'writes'} a file on the server. ${SERVER_FILES_HINT}` };
  return undefined;
}

/** Why the statement may not be sent under `policy`, or undefined when it may. */
export function guardStatement(statement: Pick<SqlStatement, 'kind' | 'node'>, policy: GuardPolicy): GuardRefusal | undefined {
  const node = statement.node;
  if (statement.kind === 'CopyStmt') {
    const refused = copyRefusal(node, policy);
    if (refused) return refused;
  }
  if (policy.readOnly) {
    switch (statement.kind) {
      case 'TransactionStmt': {
        const name = TRANSACTION_NAMES[node.kind as string] ?? 'Transaction control';
        return { target: name, reason: `${name} controls the transaction. ${KEEP}, so the script may not begin, end or split it.` };
      }
      case 'VariableSetStmt': {
        const refused = settingRefusal(node);
        if (refused) return refused;
        break;
      }
      case 'DoStmt':
        return { target: 'DO', reason: `DO runs a procedural block the console cannot check, and it can commit. ${KEEP}.` };
      case 'CallStmt':
        return { target: 'CALL', reason: `CALL runs a procedure, which can commit and start a read-write transaction. ${KEEP}.` };
      case 'PrepareStmt':
      case 'ExecuteStmt': {
        const verb = statement.kind === 'PrepareStmt' ? 'PREPARE' : 'EXECUTE';
        return {
          target: verb,
          reason: `${verb}: a prepared statement runs SQL the console cannot check when it is executed. Run the statement itself.`,
        };
      }
      default: {
        const changing = SERVER_CHANGING[statement.kind];
        if (changing)
          return {
            target: changing[0],
            reason: `${changing[1]}; a READ ONLY transaction does not stop it. It is refused on a read-only run.`,
          };
      }
    }
  }
  return callRefusal(node, policy);
}

/** The first refused statement of a run, checked before anything is sent. */
export function guardScript<S extends Pick<SqlStatement, 'kind' | 'node'>>(
  statements: S[],
  policy: GuardPolicy,
): { index: number; refusal: GuardRefusal } | undefined {
  for (const [index, statement] of statements.entries()) {
    const refusal = guardStatement(statement, policy);
    if (refusal) return { index, refusal };
  }
  return undefined;
}

/**
 * Staged grid edits (TablePlus-style): nothing reaches the database until Commit. An existing row
 * is named by its key and carries the row exactly as it was read when first staged, so a refetch,
 * a new sort or a new page never moves an edit onto another row, and the optimistic check compares
 * against what the user saw. Every action keeps the previous state: Ctrl/Cmd+Z undoes the last one.
 */
import type { CellInput, EditInfo, RowChange } from '../../../shared/contract/data-edit';

type Cell = string | null;

/** An existing row (by key, with its values as read) or the n-th row being inserted. */
export type RowTarget = { kind: 'existing'; id: string; read: readonly Cell[] } | { kind: 'new'; index: number };

interface StagedRow {
  read: readonly Cell[];
  values: Readonly<Record<string, CellInput>>;
}

interface Snapshot {
  updates: Readonly<Record<string, StagedRow>>;
  /** Row id → the row as read. */
  deletes: Readonly<Record<string, readonly Cell[]>>;
  inserts: readonly Readonly<Record<string, CellInput>>[];
}

export interface StagedState extends Snapshot {
  past: readonly Snapshot[];
}

export const emptyStaged: StagedState = { updates: {}, deletes: {}, inserts: [], past: [] };

export type StagedAction =
  | { type: 'set'; target: RowTarget; column: string; columnIndex: number; value: CellInput }
  | { type: 'toggleDelete'; target: RowTarget }
  | { type: 'addRow' }
  | { type: 'undo' }
  | { type: 'discard' };

/** A row's identity: its key values, as text. */
export function rowIdOf(key: readonly string[], columns: readonly string[], row: readonly Cell[]): string {
  return JSON.stringify(key.map((k) => row[columns.indexOf(k)] ?? null));
}

const snapshot = ({ updates, deletes, inserts }: StagedState): Snapshot => ({ updates, deletes, inserts });
const remember = (state: StagedState, next: Partial<Snapshot>): StagedState => ({
  ...snapshot(state),
  ...next,
  past: [...state.past, snapshot(state)],
});

export function stagedReducer(state: StagedState, action: StagedAction): StagedState {
  switch (action.type) {
    case 'set': {
      const { target } = action;
      if (target.kind === 'new') {
        if (!state.inserts[target.index]) return state;
        return remember(state, {
          inserts: state.inserts.map((r, j) => (j === target.index ? { ...r, [action.column]: action.value } : r)),
        });
      }
      const staged = state.updates[target.id];
      const read = staged?.read ?? target.read;
      const values = { ...(staged?.values ?? {}) };
      // Setting a cell back to its value as read un-stages it (bytes from a file always count as a change).
      const unchanged = (action.value === null || typeof action.value === 'string') && action.value === (read[action.columnIndex] ?? null);
      if (unchanged) delete values[action.column];
      else values[action.column] = action.value;
      const updates = { ...state.updates };
      if (Object.keys(values).length) updates[target.id] = { read, values };
      else delete updates[target.id];
      return remember(state, { updates });
    }
    case 'toggleDelete': {
      const { target } = action;
      if (target.kind === 'new') return remember(state, { inserts: state.inserts.filter((_, j) => j !== target.index) });
      const deletes = { ...state.deletes };
      if (target.id in deletes) delete deletes[target.id];
      else deletes[target.id] = state.updates[target.id]?.read ?? target.read;
      return remember(state, { deletes });
    }
    case 'addRow':
      return remember(state, { inserts: [...state.inserts, {}] });
    case 'undo': {
      const previous = state.past.at(-1);
      return previous ? { ...previous, past: state.past.slice(0, -1) } : state;
    }
    case 'discard':
      return emptyStaged;
  }
}

export function stagedCount(state: StagedState): number {
  const updated = Object.keys(state.updates).filter((id) => !(id in state.deletes)).length;
  return updated + Object.keys(state.deletes).length + state.inserts.length;
}

export type CellMark = 'edited' | 'inserted' | 'deleted' | undefined;

/** How a cell looks: its staged value (undefined: as read) and why it is highlighted. */
export function stagedCell(state: StagedState, target: RowTarget, column: string): { value: CellInput | undefined; mark: CellMark } {
  if (target.kind === 'new') return { value: state.inserts[target.index]?.[column], mark: 'inserted' };
  if (target.id in state.deletes) return { value: undefined, mark: 'deleted' };
  const values = state.updates[target.id]?.values;
  return values && column in values ? { value: values[column]!, mark: 'edited' } : { value: undefined, mark: undefined };
}

export interface StagedChange {
  /** The row it came from, to point at a conflict. */
  target: { kind: 'existing'; id: string } | { kind: 'new'; index: number };
  change: RowChange;
}

const asRecord = (columns: readonly string[], row: readonly Cell[]): Record<string, Cell> =>
  Object.fromEntries(columns.map((name, i) => [name, row[i] ?? null]));

/** The staged changes as data.applyChanges takes them; a delete wins over edits of the same row. */
export function toChanges(state: StagedState, info: Pick<EditInfo, 'key'>, columns: readonly string[]): StagedChange[] {
  const keyOf = (read: Record<string, Cell>) => Object.fromEntries(info.key.map((k) => [k, read[k] ?? null]));
  const changes: StagedChange[] = [];
  for (const [id, staged] of Object.entries(state.updates)) {
    if (id in state.deletes) continue;
    const original = asRecord(columns, staged.read);
    changes.push({
      target: { kind: 'existing', id },
      change: { op: 'update', key: keyOf(original), original, values: { ...staged.values } },
    });
  }
  for (const [id, read] of Object.entries(state.deletes)) {
    const original = asRecord(columns, read);
    changes.push({ target: { kind: 'existing', id }, change: { op: 'delete', key: keyOf(original), original, values: {} } });
  }
  state.inserts.forEach((values, index) =>
    changes.push({ target: { kind: 'new', index }, change: { op: 'insert', key: {}, original: {}, values: { ...values } } }),
  );
  return changes;
}

export interface CommitResult {
  stored: { index: number; row: Record<string, Cell> }[];
}

/**
 * The rows as they are after a commit, without reading them again: each updated row replaced by
 * its row as stored (RETURNING *), deleted rows removed, inserted rows added at the end.
 */
export function rowsAfterCommit(
  rows: readonly Cell[][],
  key: readonly string[],
  columns: readonly string[],
  staged: readonly StagedChange[],
  result: CommitResult,
): Cell[][] {
  const storedBy = new Map(result.stored.map((s) => [s.index, columns.map((c) => s.row[c] ?? null)]));
  const replaced = new Map<string, Cell[]>();
  const deleted = new Set<string>();
  const inserted: Cell[][] = [];
  staged.forEach((s, index) => {
    const row = storedBy.get(index);
    if (s.target.kind === 'new') {
      if (row) inserted.push(row);
    } else if (s.change.op === 'delete') deleted.add(s.target.id);
    else if (row) replaced.set(s.target.id, row);
  });
  const kept = rows.flatMap((row) => {
    const id = rowIdOf(key, columns, row);
    return deleted.has(id) ? [] : [replaced.get(id) ?? row];
  });
  return [...kept, ...inserted];
}

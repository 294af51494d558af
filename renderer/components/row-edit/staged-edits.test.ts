import { describe, expect, it } from 'vitest';
import {
  emptyStaged,
  rowIdOf,
  rowsAfterCommit,
  stagedCell,
  stagedCount,
  stagedReducer,
  toChanges,
  type RowTarget,
  type StagedAction,
} from './staged-edits';

const columns = ['id', 'title', 'note'];
const rows = [
  ['1', 'a', null],
  ['2', 'b', ''],
];
const existing = (r: number): RowTarget => ({ kind: 'existing', id: rowIdOf(['id'], columns, rows[r]!), read: rows[r]! });
const run = (...actions: StagedAction[]) => actions.reduce(stagedReducer, emptyStaged);
const set = (target: RowTarget, column: string, value: string | null): StagedAction => ({
  type: 'set',
  target,
  column,
  columnIndex: columns.indexOf(column),
  value,
});

describe('staged edits', () => {
  it('turns edits, deletes and inserts into changes with the key and every value as read', () => {
    const state = run(set(existing(0), 'title', 'A'), { type: 'addRow' }, set({ kind: 'new', index: 0 }, 'title', 'new'), {
      type: 'toggleDelete',
      target: existing(1),
    });
    expect(stagedCount(state)).toBe(3);
    expect(toChanges(state, { key: ['id'] }, columns).map((c) => c.change)).toEqual([
      { op: 'update', key: { id: '1' }, original: { id: '1', title: 'a', note: null }, values: { title: 'A' } },
      { op: 'delete', key: { id: '2' }, original: { id: '2', title: 'b', note: '' }, values: {} },
      { op: 'insert', key: {}, original: {}, values: { title: 'new' } },
    ]);
  });

  it('names a row by its key and keeps the row as first read, so a re-read or re-sort moves no edit', () => {
    const state = run(set(existing(0), 'title', 'A'));
    const reread: RowTarget = {
      kind: 'existing',
      id: rowIdOf(['id'], columns, ['1', 'changed by someone', null]),
      read: ['1', 'changed by someone', null],
    };
    const later = stagedReducer(state, set(reread, 'note', 'n'));
    expect(toChanges(later, { key: ['id'] }, columns)[0]!.change).toEqual({
      op: 'update',
      key: { id: '1' },
      original: { id: '1', title: 'a', note: null },
      values: { title: 'A', note: 'n' },
    });
    expect(stagedCell(later, existing(1), 'title').mark).toBeUndefined();
  });

  it('keeps NULL and the empty string apart, and un-stages a cell set back to its value as read', () => {
    const state = run(set(existing(1), 'note', null), set(existing(0), 'note', ''));
    expect(stagedCell(state, existing(1), 'note')).toEqual({ value: null, mark: 'edited' });
    expect(stagedCell(state, existing(0), 'note')).toEqual({ value: '', mark: 'edited' });
    const back = stagedReducer(state, set(existing(1), 'note', ''));
    expect(stagedCell(back, existing(1), 'note')).toEqual({ value: undefined, mark: undefined });
    expect(stagedCount(back)).toBe(1);
  });

  it('lets a delete win over an edit of the same row, and removes a new row instead of deleting it', () => {
    const state = run(
      set(existing(0), 'title', 'x'),
      { type: 'toggleDelete', target: existing(0) },
      { type: 'addRow' },
      { type: 'toggleDelete', target: { kind: 'new', index: 0 } },
    );
    expect(toChanges(state, { key: ['id'] }, columns).map((c) => c.change.op)).toEqual(['delete']);
    expect(stagedCell(state, existing(0), 'title').mark).toBe('deleted');
  });

  it('undoes the last staged change, one at a time, and discards all', () => {
    const state = run(set(existing(0), 'title', 'x'), set(existing(0), 'title', 'y'), { type: 'undo' });
    expect(stagedCell(state, existing(0), 'title').value).toBe('x');
    expect(stagedCount(stagedReducer(state, { type: 'undo' }))).toBe(0);
    expect(stagedReducer(state, { type: 'discard' })).toBe(emptyStaged);
    expect(stagedReducer(emptyStaged, { type: 'undo' })).toBe(emptyStaged);
  });
});

describe('rowsAfterCommit', () => {
  it('puts each row as stored in place, drops deleted rows and adds inserted ones', () => {
    const state = run(
      set(existing(0), 'title', 'A'),
      { type: 'toggleDelete', target: existing(1) },
      { type: 'addRow' },
      set({ kind: 'new', index: 0 }, 'id', '3'),
    );
    const staged = toChanges(state, { key: ['id'] }, columns);
    const after = rowsAfterCommit(rows, ['id'], columns, staged, {
      stored: [
        { index: 0, row: { id: '1', title: 'A', note: 'set by a trigger' } },
        { index: 2, row: { id: '3', title: 'default title', note: null } },
      ],
    });
    expect(after).toEqual([
      ['1', 'A', 'set by a trigger'],
      ['3', 'default title', null],
    ]);
  });
});

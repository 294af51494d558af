import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { RowChange } from '../../../shared/contract/data-edit';
import { connKeys } from '../../lib/query-keys';
import { rpc } from '../../lib/rpc';
import type { Cell } from '../data-grid/DataGrid';
import type { ApplyChanges } from './RowEditBar';
import { useRowEditing, type RowEditing } from './use-row-editing';

export interface TableRef {
  connectionId: string;
  schema: string;
  table: string;
}

export interface TableEditing {
  /** Null when the rows cannot be edited here (see notEditable). */
  editing: RowEditing | null;
  /** Why not, in words, once known. */
  notEditable: string | null;
  apply: ApplyChanges;
}

/**
 * Row edits of one table's rows, wherever a grid shows them (the Data tab, an SQL result):
 * data.editInfo says how, data.lookupReferenced suggests foreign-key values, data.applyChanges commits.
 * `columns` are the table's column names in grid order.
 */
export function useTableEditing(target: TableRef | null, columns: readonly { name: string }[], rows: Cell[][]): TableEditing {
  const info = useQuery({
    queryKey: connKeys.scoped(target?.connectionId ?? '', 'data', 'editInfo', target?.schema, target?.table),
    queryFn: () => rpc.call('data.editInfo', target!),
    enabled: target !== null,
    staleTime: 60_000,
  });
  const lookup = useCallback(
    async (column: string, search: string) =>
      target ? (await rpc.call('data.lookupReferenced', { ...target, column, search })).options : [],
    [target],
  );
  const editing = useRowEditing(target ? info.data : undefined, columns, rows, lookup);
  const apply = useCallback(
    (changes: RowChange[], confirmDatabase: string | undefined) =>
      rpc.call('data.applyChanges', { ...target!, changes, ...(confirmDatabase ? { confirmDatabase } : {}) }),
    [target],
  );
  const data = info.data;
  const notEditable =
    data && !editing
      ? data.readOnlyConnection
        ? 'This connection is read-only, so rows cannot be edited here.'
        : (data.notEditableReason ?? `The rows cannot be edited here: the result does not include the key (${data.key.join(', ')}).`)
      : null;
  return { editing, notEditable, apply };
}

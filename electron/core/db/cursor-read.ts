import type { FieldDef } from 'pg';
import type Cursor from 'pg-cursor';

export interface CursorBatch<Row> {
  rows: Row[];
  /** Row description; empty for a statement that returns no rows (INSERT without RETURNING, DDL). */
  fields: FieldDef[];
  /** The command tag's verb once the statement completed (SELECT, INSERT, CREATE TABLE …), else null. */
  command: string | null;
  /** Rows affected or returned, from the command tag; null until the statement completed. */
  rowCount: number | null;
}

/** cursor.read with the result metadata the promise form hides (fields, command tag). */
export function readBatch<Row>(cursor: Cursor<Row>, maxRows: number): Promise<CursorBatch<Row>> {
  return new Promise((resolve, reject) => {
    cursor.read(maxRows, (err, rows, result) => {
      if (err) return reject(err);
      resolve({
        rows,
        fields: result.fields ?? [],
        command: (result.command as string | null | undefined) ?? null,
        rowCount: result.command ? result.rowCount : null,
      });
    });
  });
}

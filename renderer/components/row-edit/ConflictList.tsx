import type { Conflict, RowChange } from '../../../shared/contract/data-edit';

const text = (value: unknown) =>
  value === null ? 'NULL' : value === undefined ? '—' : typeof value === 'string' ? (value === '' ? "''" : value) : '‹bytes from a file›';

/**
 * Rows that changed (or went away) since they were read: nothing of the commit was applied. Each
 * shows, per column that differs, the value you read, the value now, and the value you staged.
 */
export function ConflictList({
  conflicts,
  changes,
  onReload,
  onClose,
}: {
  conflicts: Conflict[];
  changes: RowChange[];
  onReload: () => void;
  onClose: () => void;
}) {
  return (
    <section className="row-edit-conflicts" role="alert" aria-label="Conflicts">
      <h3>
        {conflicts.length === 1 ? 'One row has' : `${conflicts.length} rows have`} changed since you read{' '}
        {conflicts.length === 1 ? 'it' : 'them'}: nothing was committed.
      </h3>
      <ul>
        {conflicts.map((c) => {
          const change = changes[c.index];
          const key = Object.entries(c.key)
            .map(([k, v]) => `${k} = ${text(v)}`)
            .join(', ');
          return (
            <li key={c.index}>
              <strong>{key}</strong>:{' '}
              {c.reason === 'deleted' ? (
                'the row was deleted by someone else.'
              ) : (
                <table className="row-edit-conflict-table">
                  <thead>
                    <tr>
                      <th scope="col">column</th>
                      <th scope="col">you read</th>
                      <th scope="col">now</th>
                      <th scope="col">you staged</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.differs.map((column) => (
                      <tr key={column}>
                        <th scope="row">{column}</th>
                        <td>{text(change?.original[column])}</td>
                        <td>{text(c.current?.[column])}</td>
                        <td>{change && column in change.values ? text(change.values[column]) : 'unchanged'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          );
        })}
      </ul>
      <div className="form-actions">
        <button onClick={onClose}>Keep my staged changes</button>
        <button className="primary" onClick={onReload}>
          Discard them and read the rows again
        </button>
      </div>
    </section>
  );
}

import type { ReactNode } from 'react';

/** A small static table for catalog facts (the data grid is for rows of data). Its own class name: `.facts` is a grid in other features, and feature CSS is global. */
export function Grid({ head, rows, empty, note }: { head: string[]; rows: ReactNode[][]; empty: string; note?: string | undefined }) {
  if (!rows.length) return <p className="muted">{empty}</p>;
  return (
    <>
      <table className="schema-facts">
        {head.some(Boolean) && (
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p className="muted small">{note}</p>}
    </>
  );
}

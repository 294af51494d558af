import type { CatalogDifferenceRow } from '../../../../shared/contract/migration-workbench';

/** Catalog differences, one line each: added / removed objects and changed attributes. */
export function Differences({ items, label }: { items: CatalogDifferenceRow[]; label: string }) {
  if (items.length === 0) return <p className="muted">{label}: none.</p>;
  return (
    <ul className="migrations-differences" aria-label={label}>
      {items.map((d) => (
        <li key={d.text} className={`migrations-diff-${d.change}`}>
          <span className="badge">{d.change}</span> {d.text}
        </li>
      ))}
    </ul>
  );
}

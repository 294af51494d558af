import type { CatalogDifferenceRow } from '../../../../shared/contract/migration-workbench';
import { describeDifference, type CatalogDifference } from '../catalog-snapshot';

const json = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? null));

/** The engine's catalog differences on the wire: attribute values as text, plus the line a person reads. */
export function toDifferenceRows(differences: CatalogDifference[]): CatalogDifferenceRow[] {
  return differences.map((d) => ({
    kind: d.kind,
    object: d.object,
    change: d.change,
    ...(d.attribute !== undefined ? { attribute: d.attribute, before: json(d.before), after: json(d.after) } : {}),
    text: describeDifference(d),
  }));
}

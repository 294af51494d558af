import type { VerifyAspect } from '../../../shared/contract/migration-workbench';
import type { CatalogDifference, CatalogSnapshot } from './catalog-snapshot';

/**
 * What a project's CI may tell verify to overlook, the way migra/pg-schema-diff users do: aspects
 * (column order, views, comments, owners, privileges) and globs on object names.
 */
export interface Relaxations {
  ignore: readonly VerifyAspect[];
  /** Globs (`*`, `?`) on object names: a table's pattern covers its columns, constraints, indexes, triggers. */
  exclude: readonly string[];
}

/** Why a difference was left out: an aspect, or `exclude <pattern>`. */
export type IgnoredBecause = VerifyAspect | `exclude ${string}`;

const ATTRIBUTE_OF: Partial<Record<VerifyAspect, string>> = { comments: 'comment', owners: 'owner', privileges: 'acl' };

function globRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** `schema.table.column` → `schema.table`; objects that belong to a relation name it as their prefix. */
const parentOf = (id: string) => id.slice(0, id.lastIndexOf('.'));
const CHILD_KINDS = new Set(['column', 'constraint', 'trigger', 'policy', 'rule']);

/** The names an object answers to for --exclude: itself (bare and qualified) and the relation it belongs to. */
function namesOf(d: CatalogDifference, attrs: Record<string, unknown> | undefined): string[] {
  const id = d.kind === 'function' ? d.object.replace(/\(.*$/s, '') : d.object;
  const names = [id, id.slice(id.indexOf('.') + 1)];
  const relation = CHILD_KINDS.has(d.kind) ? parentOf(id) : d.kind === 'index' && typeof attrs?.table === 'string' ? attrs.table : undefined;
  if (relation) names.push(relation, relation.slice(relation.indexOf('.') + 1));
  return names;
}

function isViewObject(d: CatalogDifference, attrs: Record<string, unknown> | undefined, relationKind: (id: string) => unknown): boolean {
  const viewKind = (k: unknown) => k === 'v' || k === 'm';
  if (d.kind === 'relation') return viewKind(attrs?.kind);
  if (d.kind === 'column' || d.kind === 'rule' || d.kind === 'trigger') return viewKind(relationKind(parentOf(d.object)));
  if (d.kind === 'index') return typeof attrs?.table === 'string' && viewKind(relationKind(attrs.table));
  return false;
}

/** Splits differences into the ones that count and the ones the relaxations cover (with the reason). */
export function relaxDifferences(
  differences: CatalogDifference[],
  snapshots: CatalogSnapshot[],
  relax: Relaxations,
): { kept: CatalogDifference[]; ignored: Array<{ difference: CatalogDifference; because: IgnoredBecause }> } {
  const patterns = relax.exclude.map((p) => ({ p, re: globRegExp(p) }));
  const attrsOf = (kind: CatalogDifference['kind'], id: string) => snapshots.map((s) => s[kind]?.[id]).find((a) => a !== undefined);
  const relationKind = (id: string) => attrsOf('relation', id)?.kind;
  const kept: CatalogDifference[] = [];
  const ignored: Array<{ difference: CatalogDifference; because: IgnoredBecause }> = [];
  for (const d of differences) {
    const attrs = attrsOf(d.kind, d.object);
    const because = ((): IgnoredBecause | undefined => {
      const names = namesOf(d, attrs);
      const excluded = patterns.find(({ re }) => names.some((n) => re.test(n)));
      if (excluded) return `exclude ${excluded.p}`;
      for (const aspect of relax.ignore) {
        if (aspect === 'column-order' && d.kind === 'column' && d.attribute === 'position') return aspect;
        if (aspect === 'views' && isViewObject(d, attrs, relationKind)) return aspect;
        const attribute = ATTRIBUTE_OF[aspect];
        if (attribute && d.change === 'changed' && d.attribute === attribute) return aspect;
      }
      return undefined;
    })();
    if (because) ignored.push({ difference: d, because });
    else kept.push(d);
  }
  return { kept, ignored };
}

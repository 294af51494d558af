import type { SearchHit } from '../../../../shared/contract/schema';
import { ErrorView } from '../../../components/ErrorView';
import { navigate } from '../../../lib/hash-route';
import { useSearchObjects } from '../api/search-objects';
import { objectPath } from '../object-route';
import { objectRefOf } from './SchemaTree';

const kindWords: Record<SearchHit['kind'], string> = {
  table: 'table',
  view: 'view',
  matview: 'materialized view',
  function: 'function',
  procedure: 'procedure',
  sequence: 'sequence',
  type: 'type',
  'foreign-table': 'foreign table',
  extension: 'extension',
};

/** Server-side name search across all schemas, best matches first. */
export function SearchResults({ connectionId, query, selected }: { connectionId: string; query: string; selected: string | undefined }) {
  const search = useSearchObjects(connectionId, query);
  if (search.error) return <ErrorView error={search.error} title="Search failed" />;
  if (!search.data) return <p className="muted">Searching…</p>;
  const { hits, truncated } = search.data;
  if (!hits.length) return <p className="muted">No object name contains “{query}”.</p>;
  return (
    <div className="schema-search-results" role="listbox" aria-label="Search results">
      {hits.map((hit) => {
        const path = objectPath(objectRefOf(hit));
        return (
          <a
            key={`${hit.schema}.${hit.name}(${hit.args ?? ''})${hit.kind}`}
            href={`#${path}`}
            role="option"
            aria-selected={path === selected}
            className={`schema-search-hit${path === selected ? ' selected' : ''}`}
            onClick={(e) => {
              e.preventDefault();
              navigate(path);
            }}
          >
            <span className="search-hit-name">
              {hit.name}
              {hit.args !== undefined && <span className="muted">({hit.args})</span>}
            </span>
            <span className="muted">
              {kindWords[hit.kind]}
              {hit.partitioning === 'partition' && hit.parent ? `, partition of ${hit.parent}` : ''} in {hit.schema}
            </span>
          </a>
        );
      })}
      {truncated && <p className="muted">Showing the best {hits.length}; type more to narrow it down.</p>}
    </div>
  );
}

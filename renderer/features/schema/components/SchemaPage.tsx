import { ReplicaLag } from '../../../components/ReplicaLag';
import { useState } from 'react';
import { useRoute } from '../../../lib/hash-route';
import { useSession } from '../../../lib/session-store';
import { useDebounced } from '../hooks/use-debounced';
import { parseObjectPath } from '../object-route';
import { ExtensionPage } from './ExtensionPage';
import { FunctionPage } from './FunctionPage';
import { SchemaTree } from './SchemaTree';
import { SearchResults } from './SearchResults';
import { SequencePage } from './SequencePage';
import { TablePage } from './TablePage';
import { TypePage } from './TypePage';
import { ViewPage } from './ViewPage';
import './schema.css';

/** Tree (or search results) on the left, the selected object's page on the right. */
export function SchemaPage() {
  const connectionId = useSession((s) => s.activeConnectionId);
  const path = useRoute();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  if (!connectionId) return <p className="muted">Choose a connection first (Connections page).</p>;
  const ref = parseObjectPath(path);
  const selected = ref ? path : undefined;
  return (
    <div className="schema-page" key={connectionId}>
      <aside className="schema-side">
        <input
          type="search"
          placeholder="Find a table, view, function… in every schema"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          aria-label="Search objects by name"
        />
        {query ? (
          <SearchResults connectionId={connectionId} query={query} selected={selected} />
        ) : (
          <SchemaTree connectionId={connectionId} selected={selected} />
        )}
      </aside>
      <section className="schema-main">
        <ReplicaLag connectionId={connectionId} />
        {!ref && <p className="muted">Pick an object in the tree, or search by name.</p>}
        {ref && (ref.kind === 'table' || ref.kind === 'foreign-table') && (
          <TablePage key={path} connectionId={connectionId} schema={ref.schema} name={ref.name} />
        )}
        {ref && (ref.kind === 'view' || ref.kind === 'matview') && (
          <ViewPage key={path} connectionId={connectionId} schema={ref.schema} name={ref.name} />
        )}
        {ref && (ref.kind === 'function' || ref.kind === 'procedure') && (
          <FunctionPage key={path} connectionId={connectionId} schema={ref.schema} name={ref.name} args={ref.args ?? ''} />
        )}
        {ref && ref.kind === 'sequence' && <SequencePage key={path} connectionId={connectionId} schema={ref.schema} name={ref.name} />}
        {ref && ref.kind === 'type' && <TypePage key={path} connectionId={connectionId} schema={ref.schema} name={ref.name} />}
        {ref && ref.kind === 'extension' && <ExtensionPage key={path} connectionId={connectionId} name={ref.name} />}
      </section>
    </div>
  );
}

import { useState } from 'react';
import { MonacoEditor } from '../../../components/monaco/MonacoEditor';
import { ExplainPanel } from './ExplainPanel';

/** EXPLAIN any statement typed or pasted here (normalized $n texts get a generic plan). */
export function ExplainTab({ connectionId }: { connectionId: string }) {
  const [sql, setSql] = useState('SELECT 1');
  return (
    <div className="explain-tab">
      <p className="muted">One statement. Parameters like $1 are planned as a generic plan; EXPLAIN ANALYZE needs real values.</p>
      <div className="insights-editor-box">
        <MonacoEditor value={sql} onChange={setSql} ariaLabel="Statement to explain" />
      </div>
      <ExplainPanel connectionId={connectionId} sql={sql} />
    </div>
  );
}

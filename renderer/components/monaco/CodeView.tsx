import { useState } from 'react';
import { MonacoEditor } from './MonacoEditor';

/** Read-only code (DDL, a view's query, a function's source) with a Copy button. */
export function CodeView({
  code,
  language = 'pgsql',
  label,
  height = 360,
}: {
  code: string;
  language?: string;
  label: string;
  height?: number;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(code);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="code-view">
      <div className="code-view-bar">
        <span className="muted">{label}</span>
        <button onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
      </div>
      <div style={{ height }}>
        <MonacoEditor
          value={code}
          language={language}
          readOnly
          ariaLabel={label}
          options={{ lineNumbers: 'off', folding: false, domReadOnly: true }}
        />
      </div>
    </div>
  );
}

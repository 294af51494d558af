import { lazy, Suspense } from 'react';
import type { monaco } from './monaco';

/** A problem to underline: string offsets into the editor's text (as the core reports them). */
export interface EditorMarker {
  start: number;
  end: number;
  message: string;
  severity?: 'error' | 'warning' | 'info';
}

export interface MonacoEditorProps {
  value: string;
  onChange?: (value: string) => void;
  /** 'pgsql' for SQL; anything Monaco knows, else plain text. */
  language?: string;
  readOnly?: boolean;
  markers?: EditorMarker[];
  /** Called once with the editor, e.g. to add commands (Ctrl+Enter) or read the cursor. */
  onMount?: (editor: monaco.editor.IStandaloneCodeEditor) => void | (() => void);
  options?: monaco.editor.IStandaloneEditorConstructionOptions;
  className?: string;
  ariaLabel?: string;
}

// Monaco is most of the renderer's weight: it is fetched with the first editor shown, not before the first paint.
const Impl = lazy(() => import('./monaco-editor-impl').then((m) => ({ default: m.MonacoEditorImpl })));

/** The Monaco editor; a placeholder of the same size while Monaco loads. */
export function MonacoEditor(props: MonacoEditorProps) {
  return (
    <Suspense
      fallback={
        <div className={props.className} aria-busy="true">
          <p className="muted">Loading the editor…</p>
        </div>
      }
    >
      <Impl {...props} />
    </Suspense>
  );
}

import { useEffect, useRef } from 'react';
import { monaco } from './monaco';
import type { MonacoEditorProps } from './MonacoEditor';
import { useMonacoTheme } from './use-monaco-theme';
import './monaco.css';

const RECENT = 64;

/** Keeps the last RECENT texts the editor reported. */
function remember(recent: Set<string>, text: string): void {
  recent.delete(text);
  recent.add(text);
  if (recent.size > RECENT) recent.delete(recent.values().next().value as string);
}

const severities = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };

/**
 * The one Monaco wrapper (loaded lazily through MonacoEditor.tsx). Uncontrolled inside (Monaco owns the text while typing); `value` is
 * pushed in only when it differs from the model, so the cursor never jumps on re-render.
 */
export function MonacoEditorImpl({
  value,
  onChange,
  language = 'pgsql',
  readOnly = false,
  markers,
  onMount,
  options,
  className,
  ariaLabel,
}: MonacoEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  const emitted = useRef(new Set<string>());
  const theme = useMonacoTheme();

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return undefined;
    const editor = monaco.editor.create(host.current, {
      value,
      language,
      readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      renderLineHighlight: 'line',
      fixedOverflowWidgets: true,
      ariaLabel: ariaLabel ?? 'Code editor',
      ...options,
    });
    editorRef.current = editor;
    const sub = editor.onDidChangeModelContent(() => {
      const text = editor.getValue();
      remember(emitted.current, text);
      onChangeRef.current?.(text);
    });
    const cleanup = onMount?.(editor);
    return () => {
      if (typeof cleanup === 'function') cleanup();
      sub.dispose();
      // The editor goes first: disposing its model while it is still attached makes its own
      // listeners (and a pending completion or hover) throw "Model is disposed!".
      const model = editor.getModel();
      editorRef.current = null;
      editor.dispose();
      model?.dispose();
    };
    // Created once per mount; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A `value` the editor itself produced (maybe a few keystrokes ago: React renders lag fast
  // typing) is not pushed back, or the text and cursor would jump; only outside changes are.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || emitted.current.has(value) || editor.getValue() === value) return;
    editor.setValue(value);
  }, [value]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly });
  }, [readOnly]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelLanguage(model, language);
  }, [language]);

  useEffect(() => {
    monaco.editor.setTheme(theme);
  }, [theme]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'ticketz',
      (markers ?? []).map((m) => {
        const from = model.getPositionAt(m.start);
        const to = model.getPositionAt(Math.max(m.end, m.start + 1));
        return {
          startLineNumber: from.lineNumber,
          startColumn: from.column,
          endLineNumber: to.lineNumber,
          endColumn: to.column,
          message: m.message,
          severity: severities[m.severity ?? 'error'],
        };
      }),
    );
  }, [markers, value]);

  return <div ref={host} className={`monaco-host ${className ?? ''}`} data-testid="monaco-editor" />;
}

import { useCallback, useEffect, useRef } from 'react';
import { monaco } from '../../../components/monaco/monaco';

export interface EditorActions {
  run(scope: 'cursor' | 'all'): Promise<void>;
  cancel(): void;
  endTransaction(how: 'commit' | 'rollback'): void;
}

/**
 * The SQL editor's keys: Ctrl/Cmd+Enter runs the statement at the cursor (or the selection),
 * Ctrl/Cmd+Shift+Enter all; Esc cancels; Ctrl/Cmd+Alt+Shift+C commits and …+R rolls back (Manual
 * mode). Esc and the transaction keys work anywhere on the page, the run keys in the editor.
 * Returns the binder for Monaco's onMount; the bound commands call whatever actions are current.
 */
export function useEditorKeys(actions: EditorActions): (editor: monaco.editor.IStandaloneCodeEditor) => void {
  const current = useRef(actions);
  useEffect(() => {
    current.current = actions;
  }, [actions]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') current.current.cancel();
      // e.code: with Alt held, e.key is another character on some layouts (macOS Option).
      else if ((e.ctrlKey || e.metaKey) && e.altKey && e.shiftKey && (e.code === 'KeyC' || e.code === 'KeyR')) {
        e.preventDefault();
        current.current.endTransaction(e.code === 'KeyC' ? 'commit' : 'rollback');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return useCallback((editor: monaco.editor.IStandaloneCodeEditor) => {
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void current.current.run('cursor'));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => void current.current.run('all'));
    const tx = monaco.KeyMod.CtrlCmd | monaco.KeyMod.Alt | monaco.KeyMod.Shift;
    editor.addCommand(tx | monaco.KeyCode.KeyC, () => current.current.endTransaction('commit'));
    editor.addCommand(tx | monaco.KeyCode.KeyR, () => current.current.endTransaction('rollback'));
  }, []);
}

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CellInput, EditColumn } from '../../../shared/contract/data-edit';
import type { EditMove } from '../data-grid/DataGrid';
import { checkCellInput } from './cell-input';
import { LargeValueDialog } from './LargeValueDialog';

export type LookupReferenced = (column: string, search: string) => Promise<{ value: string; label: string | null }[]>;

export interface CellEditorProps {
  column: EditColumn;
  /** What the cell holds now (staged or as read). */
  initial: CellInput;
  onStage: (value: CellInput) => void;
  onDone: (move: EditMove) => void;
  lookup?: LookupReferenced | undefined;
}

const asText = (value: CellInput) => (value === null ? '' : typeof value === 'string' ? value : '');

/**
 * The editor of one cell, opened with Enter, F2 or a double-click. Enter stages the value and
 * moves down, Tab / Shift+Tab stage it and move sideways, Esc leaves the cell as it was. JSON and
 * bytea open a larger dialog. NULL and '' are set from the toolbar, so typing never means NULL.
 */
export function CellEditor(props: CellEditorProps) {
  const { column } = props;
  if (column.kind === 'json' || column.kind === 'bytea') return <LargeValueDialog {...props} />;
  if (column.kind === 'boolean' || column.kind === 'enum') return <ChoiceEditor {...props} />;
  return <TextEditor {...props} />;
}

/** Esc cancels, Enter stages and moves down, Tab / Shift+Tab stage and move sideways; the grid sees none of them. */
function onEditorKey(e: KeyboardEvent, finish: (move: EditMove | 'cancel') => void) {
  const move = e.key === 'Escape' ? 'cancel' : e.key === 'Enter' ? 'down' : e.key === 'Tab' ? (e.shiftKey ? 'prev' : 'next') : undefined;
  if (!move) return;
  e.preventDefault();
  e.stopPropagation();
  finish(move);
}

function ChoiceEditor({ column, initial, onStage, onDone }: CellEditorProps) {
  const choices = column.kind === 'boolean' ? ['true', 'false'] : column.enumLabels;
  // Postgres prints booleans as t / f.
  const read = initial === null ? '' : (({ t: 'true', f: 'false' } as Record<string, string>)[asText(initial)] ?? asText(initial));
  const [choice, setChoice] = useState(read);
  const finished = useRef(false);
  const finish = (move: EditMove | 'cancel') => {
    if (finished.current) return;
    finished.current = true;
    if (move !== 'cancel' && choice !== read) onStage(choice === '' ? null : choice);
    onDone(move === 'cancel' ? 'stay' : move);
  };
  return (
    <select
      className="row-edit-input"
      autoFocus
      aria-label={`New value of ${column.name}`}
      value={choice}
      onChange={(e) => setChoice(e.target.value)}
      onKeyDown={(e) => onEditorKey(e, finish)}
      onBlur={() => finish('stay')}
    >
      {(column.nullable || initial === null) && <option value="">NULL</option>}
      {choices.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

function TextEditor({ column, initial, onStage, onDone, lookup }: CellEditorProps) {
  const [text, setText] = useState(asText(initial));
  const [options, setOptions] = useState<{ value: string; label: string | null }[]>([]);
  const finished = useRef(false);
  const checked = checkCellInput(column, text);
  const listId = `row-edit-refs-${column.name.replace(/\W/g, '_')}`;

  useEffect(() => {
    if (!lookup || !column.references) return;
    const timer = setTimeout(() => {
      lookup(column.name, text).then(setOptions, () => setOptions([]));
    }, 200);
    return () => clearTimeout(timer);
  }, [lookup, column.name, column.references, text]);

  const finish = (move: EditMove | 'cancel') => {
    if (finished.current) return;
    if (move !== 'cancel') {
      if (!checked.ok) return;
      if (text !== asText(initial) || initial === null) onStage(checked.value);
    }
    finished.current = true;
    onDone(move === 'cancel' ? 'stay' : move);
  };

  return (
    <span className="row-edit-inline">
      <input
        className="row-edit-input"
        autoFocus
        aria-label={`New value of ${column.name}`}
        aria-invalid={!checked.ok}
        value={text}
        list={column.references ? listId : undefined}
        placeholder={initial === null ? 'NULL' : ''}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => onEditorKey(e, finish)}
        onBlur={() => (checked.ok ? finish('stay') : finish('cancel'))}
      />
      {column.references && (
        <datalist id={listId}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label ?? o.value}
            </option>
          ))}
        </datalist>
      )}
      {!checked.ok && (
        <span className="row-edit-hint error" role="alert">
          {checked.message}
        </span>
      )}
      {checked.ok && checked.note && <span className="row-edit-hint">{checked.note}</span>}
    </span>
  );
}

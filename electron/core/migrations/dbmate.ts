/**
 * dbmate keeps both directions in one file, in sections opened by `-- migrate:up` and
 * `-- migrate:down`, each optionally followed by options such as `transaction:false`
 * (https://github.com/amacneil/dbmate#creating-migrations).
 */
const MARKER = /^--\s*migrate:(up|down)\b(.*)$/gm;

export interface DbmateSection {
  sql: string;
  /** 1-based line of the file where the section's SQL begins (the line after its marker). */
  firstLine: number;
  transaction: boolean;
}

/** The file's sections, or undefined when it has no `-- migrate:up` marker (not a dbmate file). */
export function splitDbmate(text: string): { up: DbmateSection; down?: DbmateSection } | undefined {
  const markers = [...text.matchAll(MARKER)];
  const sections: Partial<Record<'up' | 'down', DbmateSection>> = {};
  markers.forEach((marker, i) => {
    const direction = marker[1] as 'up' | 'down';
    const bodyStart = marker.index + marker[0].length + (text[marker.index + marker[0].length] === '\n' ? 1 : 0);
    const bodyEnd = markers[i + 1]?.index ?? text.length;
    const options = marker[2] ?? '';
    sections[direction] ??= {
      sql: text.slice(bodyStart, bodyEnd),
      firstLine: text.slice(0, bodyStart).split('\n').length,
      transaction: !/\btransaction:false\b/.test(options),
    };
  });
  if (!sections.up) return undefined;
  return sections.down ? { up: sections.up, down: sections.down } : { up: sections.up };
}

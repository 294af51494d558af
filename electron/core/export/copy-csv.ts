import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/**
 * A CSV export the way psql's \copy makes one: `COPY (query) TO STDOUT (FORMAT csv, HEADER)`,
 * the bytes PostgreSQL sends written to the file as they come. No row is decoded into JavaScript
 * strings and re-encoded (the cost that made a cursor export several times slower than psql), and
 * the pipeline's back-pressure keeps memory to a few stream buffers.
 *
 * COPY takes no bound parameters, so only a statement without any may go this way (the query
 * editor's, an unfiltered table export); the rest keep the cursor path. The CSV is PostgreSQL's
 * own: NULL is an empty field, the empty string "", LF line ends.
 */
export async function copyCsvToFile(
  client: pg.ClientBase,
  query: string,
  file: string,
  onProgress: (approxRows: number, bytes: number) => void,
): Promise<{ rows: number; bytes: number }> {
  // A newline before the closing parenthesis: the query may end in a -- comment.
  const copy = client.query(copyTo(`COPY (\n${query}\n) TO STDOUT WITH (FORMAT csv, HEADER)`));
  let bytes = 0;
  let lines = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      // Line ends, for progress only (a quoted value may hold a newline); the exact count is COPY's tag.
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      onProgress(Math.max(0, lines - 1), bytes);
      done(null, chunk);
    },
  });
  await pipeline(copy, count, createWriteStream(file, { mode: 0o600, flags: 'wx' }));
  return { rows: copy.rowCount, bytes };
}

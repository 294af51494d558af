import { describe, expect, it } from 'vitest';
import { cellPreview, hexPreview, prettyJson, rowAsJson, rowAsTsv } from './cell-text';

describe('cell text', () => {
  it('previews long and multi-line text on one line', () => {
    expect(cellPreview('a\nb')).toBe('a ⏎ b');
    const long = 'x'.repeat(500);
    expect(cellPreview(long)).toHaveLength(201);
  });

  it('copies rows as TSV and JSON, NULL as empty / null', () => {
    expect(rowAsTsv(['a\tb', null, 'c\nd'])).toBe('a b\t\tc d');
    expect(JSON.parse(rowAsJson([{ name: 'id' }, { name: 'note' }], ['1', null]))).toEqual({ id: '1', note: null });
  });

  it('pretty-prints JSON only when it is JSON', () => {
    expect(prettyJson('{"a":[1,2]}', 'jsonb')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(prettyJson('plain', 'text')).toBeNull();
    expect(prettyJson('{broken', 'text')).toBeNull();
  });

  it('dumps bytea as hex with offsets and ASCII', () => {
    const dump = hexPreview('\\x48656c6c6f00ff');
    expect(dump?.totalBytes).toBe(7);
    expect(dump?.lines[0]).toBe(`00000000  ${'48 65 6c 6c 6f 00 ff'.padEnd(47)}  Hello..`);
    expect(hexPreview('not hex')).toBeNull();
    expect(hexPreview(`\\x${'00'.repeat(100)}`, 32)?.lines).toHaveLength(2);
  });
});

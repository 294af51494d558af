import { describe, expect, it } from 'vitest';
import { pageOfDescendants, type DescendantRow } from './chain';

const row = (id: string, parent: string, level: number, micros: number): DescendantRow => ({
  id,
  parent_id: parent,
  level,
  attached_at: new Date(micros / 1000),
  cursor_micros: String(micros),
  username: id,
  display_name: null,
  chain_position: '1',
  deleted: false,
  direct_children: '0',
});

describe('pageOfDescendants', () => {
  it('drops the look-ahead child and its subtree, and points the cursor at the last kept child', () => {
    const rows = [
      row('a', 'root', 1, 1000),
      row('b', 'root', 1, 2000),
      row('c', 'root', 1, 3000),
      row('a1', 'a', 2, 4000),
      row('c1', 'c', 2, 5000),
      row('c11', 'c1', 3, 6000),
    ];
    const page = pageOfDescendants(rows, 2);
    expect(page.rows.map((r) => r.id)).toEqual(['a', 'b', 'a1']);
    expect(page.nextCursor).toBe('2000_b');
  });

  it('has no cursor when the level fits in one page', () => {
    const page = pageOfDescendants([row('a', 'root', 1, 1000), row('a1', 'a', 2, 2000)], 2);
    expect(page.rows).toHaveLength(2);
    expect(page.nextCursor).toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTabs, storageKey, TabSaver } from './editor-tabs';

function memoryStorage() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('editor tabs persistence', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts with one empty tab, per connection', () => {
    const state = loadTabs(memoryStorage(), 'demo');
    expect(state.tabs).toHaveLength(1);
    expect(state.tabs[0]).toMatchObject({ title: 'Query 1', sql: '' });
    expect(state.activeId).toBe(state.tabs[0]!.id);
  });

  it('saves after the typing pauses, and restores what was typed', () => {
    const storage = memoryStorage();
    const saver = new TabSaver(storage, 'demo');
    const tab = { id: 't1', title: 'Query 1', sql: 'SELECT 1' };
    saver.save({ tabs: [tab], activeId: 't1' });
    saver.save({ tabs: [{ ...tab, sql: 'SELECT 12' }], activeId: 't1' });
    expect(storage.data.size).toBe(0);
    vi.advanceTimersByTime(300);
    expect(loadTabs(storage, 'demo').tabs[0]?.sql).toBe('SELECT 12');
    expect(loadTabs(storage, 'other').tabs[0]?.sql).toBe('');
  });

  it('flushes at once (beforeunload)', () => {
    const storage = memoryStorage();
    const saver = new TabSaver(storage, 'demo');
    saver.save({ tabs: [{ id: 't1', title: 'Q', sql: 'typed just now' }], activeId: 't1' });
    saver.flush();
    expect(JSON.parse(storage.data.get(storageKey('demo'))!).tabs[0].sql).toBe('typed just now');
  });

  it('survives a corrupt entry and a missing active tab', () => {
    const storage = memoryStorage();
    storage.setItem(storageKey('demo'), '{not json');
    expect(loadTabs(storage, 'demo').tabs).toHaveLength(1);
    storage.setItem(storageKey('demo'), JSON.stringify({ tabs: [{ id: 'a', title: 'A', sql: 'x' }], activeId: 'gone' }));
    expect(loadTabs(storage, 'demo').activeId).toBe('a');
  });
});

/**
 * The SQL editor's tabs, saved so nothing typed is lost on a crash, a reload or a restart:
 * written to localStorage 300 ms after the last keystroke and at once on beforeunload, one key
 * per connection.
 */
export interface EditorTab {
  id: string;
  title: string;
  sql: string;
}

export interface EditorTabsState {
  tabs: EditorTab[];
  activeId: string;
}

const PREFIX = 'ticketz-console.sql-tabs.';
export const SAVE_DELAY_MS = 300;

export function storageKey(connectionId: string): string {
  return `${PREFIX}${connectionId}`;
}

export function newTab(n: number, sql = ''): EditorTab {
  return { id: `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, title: `Query ${n}`, sql };
}

export function loadTabs(storage: Pick<Storage, 'getItem'>, connectionId: string): EditorTabsState {
  try {
    const raw = storage.getItem(storageKey(connectionId));
    if (raw) {
      const parsed = JSON.parse(raw) as Partial<EditorTabsState>;
      const tabs = Array.isArray(parsed.tabs)
        ? parsed.tabs.filter((t) => t && typeof t.id === 'string' && typeof t.sql === 'string' && typeof t.title === 'string')
        : [];
      if (tabs.length) return { tabs, activeId: tabs.some((t) => t.id === parsed.activeId) ? parsed.activeId! : tabs[0]!.id };
    }
  } catch {
    // A corrupt entry must not lock the user out of the editor: start fresh.
  }
  const tab = newTab(1);
  return { tabs: [tab], activeId: tab.id };
}

/** Debounced writer with an immediate flush (for beforeunload and unmount). */
export class TabSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: EditorTabsState | undefined;

  constructor(
    private readonly storage: Pick<Storage, 'setItem'>,
    private readonly connectionId: string,
    private readonly delayMs = SAVE_DELAY_MS,
  ) {}

  save(state: EditorTabsState): void {
    this.pending = state;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return;
    try {
      this.storage.setItem(storageKey(this.connectionId), JSON.stringify(this.pending));
      this.pending = undefined;
    } catch {
      // Storage full or unavailable: keep it pending; the next save tries again.
    }
  }
}

import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface FolderState {
  /** The migrations folder last used per connection id; absent: the default `migrations/`. */
  byConnection: Record<string, string>;
  setFolder(connectionId: string, dir: string | undefined): void;
}

/** Remembered across reloads: each connection opens on the folder it was last used with. */
export const useFolderStore = create<FolderState>()(
  persist(
    (set) => ({
      byConnection: {},
      setFolder: (connectionId, dir) =>
        set((s) => {
          const next = { ...s.byConnection };
          if (dir) next[connectionId] = dir;
          else delete next[connectionId];
          return { byConnection: next };
        }),
    }),
    { name: 'ticketz-console.migrations-folder' },
  ),
);

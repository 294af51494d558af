import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemeChoice = 'system' | 'light' | 'dark';

interface SessionState {
  /** The connection every page works on; kept across reloads. */
  activeConnectionId: string | undefined;
  theme: ThemeChoice;
  paletteOpen: boolean;
  setActiveConnection(id: string | undefined): void;
  setTheme(theme: ThemeChoice): void;
  setPaletteOpen(open: boolean): void;
}

/** UI and session state only; server data lives in React Query. */
export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      activeConnectionId: undefined,
      theme: 'system',
      paletteOpen: false,
      setActiveConnection: (id) => set({ activeConnectionId: id }),
      setTheme: (theme) => set({ theme }),
      setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
    }),
    { name: 'ticketz-console.session', partialize: ({ activeConnectionId, theme }) => ({ activeConnectionId, theme }) },
  ),
);

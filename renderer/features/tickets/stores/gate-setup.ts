import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface GateSetup {
  eventId: string | undefined;
  gate: string;
  staff: string;
  set(patch: Partial<Pick<GateSetup, 'eventId' | 'gate' | 'staff'>>): void;
}

/** A gate device keeps its event, gate and staff name across reloads. */
export const useGateSetup = create<GateSetup>()(
  persist((set) => ({ eventId: undefined, gate: '', staff: '', set: (patch) => set(patch) }), {
    name: 'ticketz-console.gate-setup',
    partialize: ({ eventId, gate, staff }) => ({ eventId, gate, staff }),
  }),
);

import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export const roles = ['dba', 'support', 'organizer'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { name: string; blurb: string }> = {
  dba: { name: 'DBA', blurb: 'Schema, SQL, migrations, insights and maintenance first.' },
  support: { name: 'Support', blurb: 'Order and ticket look-up first; new connections are read-only.' },
  organizer: { name: 'Organizer', blurb: 'Event statistics, gate validation and the chain first; new connections are read-only.' },
};

interface RoleState {
  /** undefined until the person picks one on first run. */
  role: Role | undefined;
  /** The picker dialog, opened on first run and from settings (palette, sidebar). */
  pickerOpen: boolean;
  setRole(role: Role): void;
  openPicker(open: boolean): void;
}

/** Who uses this console: orders the navigation and sets safe defaults. Changeable at any time. */
export const useRole = create<RoleState>()(
  persist(
    (set) => ({
      role: undefined,
      pickerOpen: false,
      setRole: (role) => set({ role, pickerOpen: false }),
      openPicker: (pickerOpen) => set({ pickerOpen }),
    }),
    { name: 'ticketz-console.role', partialize: ({ role }) => ({ role }) },
  ),
);

/** Support and Organizer only read: their new connections start read-only. */
export function defaultReadOnly(role: Role | undefined): boolean {
  return role === 'support' || role === 'organizer';
}

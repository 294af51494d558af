import type { ProfileStore } from '../store/profile-store';
import type { GuardPolicy } from './statement-guard';

/** The built-in demo database: writable, no server files (kept apart to avoid importing the service). */
const DEMO_ID = 'demo';

export interface ConnectionPolicy {
  /** The saved profile is marked read-only: the console itself keeps every route read-only. */
  readOnlyProfile: boolean;
  /** The profile allows server-side programs and files in the editor. */
  serverFiles: boolean;
}

export function connectionPolicy(profiles: ProfileStore, connectionId: string): ConnectionPolicy {
  if (connectionId === DEMO_ID) return { readOnlyProfile: false, serverFiles: false };
  const profile = profiles.get(connectionId);
  return { readOnlyProfile: profile.readOnly, serverFiles: profile.allowServerFiles === true };
}

/** A read-only profile forces read-only whatever the editor's switch says. */
export function guardPolicy(policy: ConnectionPolicy, readOnlySwitch: boolean): GuardPolicy {
  return { readOnly: policy.readOnlyProfile || readOnlySwitch, serverFiles: policy.serverFiles };
}

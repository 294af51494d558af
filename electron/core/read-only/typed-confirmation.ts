import { RpcError } from '../../../shared/rpc/rpc-error';
import type { ProfileStore } from '../store/profile-store';

/**
 * Destructive actions on a connection labelled production must carry the database name the user
 * typed, as migrations do: checked here, on the server, so no host or script can skip the prompt.
 * Returns the database name that had to be typed, or undefined when none was needed.
 */
export function typedNameRequired(profiles: ProfileStore, connectionId: string): string | undefined {
  if (connectionId === 'demo') return undefined;
  const profile = profiles.get(connectionId);
  return profile.environment === 'production' ? profile.database : undefined;
}

export function confirmationMessage(what: string, database: string): string {
  return `${what} on a production connection: type the database name “${database}” to confirm.`;
}

export function requireTypedName(profiles: ProfileStore, connectionId: string, what: string, typed: string | undefined): void {
  const database = typedNameRequired(profiles, connectionId);
  if (database !== undefined && typed !== database) throw new RpcError('CONFIRMATION_REQUIRED', confirmationMessage(what, database));
}

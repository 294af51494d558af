import type { Profile } from '../../shared/contract/connections';

const defaults: Record<Profile['environment'], string> = {
  production: '#c53030',
  staging: '#b7791f',
  development: '#2b6cb0',
  demo: '#2f855a',
};

/** Production is red unless the user picked another colour. */
export function environmentColor(profile: Pick<Profile, 'environment' | 'color'>): string {
  return profile.color ?? defaults[profile.environment];
}

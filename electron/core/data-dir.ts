import os from 'node:os';
import path from 'node:path';
import { isRoot } from './db/run-as-postgres-user';

/**
 * Where browser mode and the CLI keep profiles, secrets and the demo database
 * (Electron passes app.getPath('userData') instead). As root the demo server runs as the
 * postgres user, which cannot enter /root, so root gets /var/lib.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TICKETZ_CONSOLE_DATA_DIR) return path.resolve(env.TICKETZ_CONSOLE_DATA_DIR);
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Ticketz Console');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Ticketz Console');
  if (isRoot()) return '/var/lib/ticketz-console';
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'ticketz-console');
}

import { shell } from 'electron';
import { externalUrlAllowed } from './external-url';

/** The one audited way out of the app: only http(s) links, opened in the user's browser. */
export function openExternalSafely(rawUrl: string): boolean {
  const url = externalUrlAllowed(rawUrl);
  if (!url) return false;
  void shell.openExternal(url);
  return true;
}

import { shell } from 'electron';

/** The one audited way out of the app: only http(s) links, opened in the user's browser. */
export function openExternalSafely(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  void shell.openExternal(url.toString());
  return true;
}

/** Returns the normalised URL when it may leave the app (http or https only), otherwise undefined. */
export function externalUrlAllowed(rawUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  return url.toString();
}

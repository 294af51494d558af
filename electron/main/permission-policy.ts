/**
 * The one permission the app's own page uses: writing plain text to the clipboard (Copy buttons).
 * Everything else — camera, microphone, geolocation, notifications, MIDI, HID, serial, USB,
 * clipboard *reads*, fullscreen by script, … — is refused, for requests and for checks alike.
 */
const GRANTED = new Set(['clipboard-sanitized-write']);

/** Exact origin match: a frame of any other origin (or an opaque one) gets nothing. */
export function permissionAllowed(permission: string, requestingOrigin: string | undefined, appOrigin: string): boolean {
  if (!GRANTED.has(permission) || !requestingOrigin) return false;
  return requestingOrigin.replace(/\/$/, '') === appOrigin;
}

import { describe, expect, it } from 'vitest';
import { permissionAllowed } from './permission-policy';

const APP = 'app://ticketz';

describe('permissionAllowed', () => {
  it('lets only our own page write to the clipboard', () => {
    expect(permissionAllowed('clipboard-sanitized-write', 'app://ticketz', APP)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'app://ticketz/', APP)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example', APP)).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', 'app://ticketz.evil', APP)).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', undefined, APP)).toBe(false);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'hid', 'serial', 'usb', 'openExternal'])(
    'refuses %s even to our own page',
    (permission) => expect(permissionAllowed(permission, APP, APP)).toBe(false),
  );
});

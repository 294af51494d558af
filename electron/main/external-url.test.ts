import { describe, expect, it } from 'vitest';
import { externalUrlAllowed } from './external-url';

describe('externalUrlAllowed', () => {
  it('lets http and https through', () => {
    expect(externalUrlAllowed('https://www.postgresql.org/docs/')).toBe('https://www.postgresql.org/docs/');
    expect(externalUrlAllowed('http://example.com')).toBe('http://example.com/');
  });
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'app://ticketz/index.html',
    'not a url',
    'https://user:pw@example.com',
  ])('refuses %s', (url) => {
    expect(externalUrlAllowed(url)).toBeUndefined();
  });
});

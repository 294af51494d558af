import { describe, expect, it } from 'vitest';
import { parseConnectionUrl } from './connection-url';

describe('parseConnectionUrl', () => {
  it('fills every field from a full URL, decoding percent-escapes', () => {
    const { fields, password } = parseConnectionUrl(
      'postgresql://app%40corp:p%40ss%3Aw0rd@db.example.com:6543/sales?sslmode=verify-full&application_name=ops&sslrootcert=/etc/ca.pem',
    );
    expect(fields).toMatchObject({
      host: 'db.example.com',
      port: 6543,
      database: 'sales',
      user: 'app@corp',
      sslmode: 'verify-full',
      applicationName: 'ops',
      sslRootCertPath: '/etc/ca.pem',
      name: 'sales@db.example.com',
    });
    expect(password).toBe('p@ss:w0rd');
  });

  it('applies libpq defaults when parts are missing', () => {
    const { fields, password } = parseConnectionUrl('postgres://localhost');
    expect(fields).toMatchObject({ host: 'localhost', port: 5432, user: 'postgres', database: 'postgres', sslmode: 'prefer' });
    expect(password).toBeUndefined();
  });

  it('understands IPv6 hosts', () => {
    expect(parseConnectionUrl('postgres://u@[::1]:5433/d').fields).toMatchObject({ host: '::1', port: 5433 });
  });

  it.each([
    ['mysql://x@y/z', /postgres/],
    ['postgres://h:99999/d', /Invalid port/],
    ['postgres://h/d?sslmode=sometimes', /Unsupported sslmode/],
  ])('rejects %s with a clear message', (url, message) => {
    expect(() => parseConnectionUrl(url)).toThrow(message);
  });
});

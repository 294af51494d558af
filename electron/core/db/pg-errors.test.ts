import { describe, expect, it } from 'vitest';
import { isPgDatabaseError, networkErrorBody, pgErrorBody } from './pg-errors';

const pgError = (code: string, message: string, extra: Record<string, string> = {}) =>
  Object.assign(new Error(message), { code, severity: 'FATAL', ...extra });

describe('pg error mapping', () => {
  it('recognises Postgres errors by their SQLSTATE and severity', () => {
    expect(isPgDatabaseError(pgError('28P01', 'x'))).toBe(true);
    expect(isPgDatabaseError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(false);
  });

  it('says what to do about a wrong password and keeps the server text', () => {
    const body = pgErrorBody(pgError('28P01', 'password authentication failed for user "bob"'));
    expect(body.code).toBe('CONNECTION_FAILED');
    expect(body.message).toMatch(/^Wrong password/);
    expect(body.message).toContain('password authentication failed for user "bob"');
    expect(body.pg).toMatchObject({ sqlstate: '28P01', severity: 'FATAL' });
  });

  it('points to SSL when pg_hba refuses an unencrypted connection', () => {
    const body = pgErrorBody(pgError('28000', 'no pg_hba.conf entry for host "1.2.3.4", user "u", database "d", no encryption'));
    expect(body.message).toMatch(/only accepts encrypted connections/);
  });

  it('maps cancellation and read-only errors to their own codes', () => {
    expect(pgErrorBody(pgError('57014', 'canceling statement due to user request')).code).toBe('CANCELLED');
    expect(pgErrorBody(pgError('25006', 'cannot execute INSERT in a read-only transaction')).code).toBe('READ_ONLY');
  });

  it('converts position fields to numbers and drops empty ones', () => {
    const body = pgErrorBody(pgError('42601', 'syntax error', { position: '17', detail: '' }));
    expect(body.pg?.position).toBe(17);
    expect(body.pg && 'detail' in body.pg).toBe(false);
  });

  it.each([
    ['ECONNREFUSED', /Nothing is listening/],
    ['ENOTFOUND', /could not be resolved/],
    ['ETIMEDOUT', /could not be reached/],
  ])('explains network error %s', (code, message) => {
    expect(networkErrorBody(Object.assign(new Error('raw'), { code }))?.message).toMatch(message);
  });
});

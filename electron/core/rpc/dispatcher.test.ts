import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { createDispatcher, type HandlerTable } from './dispatcher';

/** A table whose every handler answers from `impl`, so each case controls exactly one method. */
function table(impl: Partial<Record<string, (input: unknown) => Promise<unknown>>>): HandlerTable {
  return Object.fromEntries(
    methodNames.map((name) => [name, impl[name] ?? (async () => Promise.reject(new Error(`${name} not used in this test`)))]),
  ) as unknown as HandlerTable;
}
const ctx = { host: 'direct' as const };
const info = { version: '1', host: 'direct', dataDir: '/d', secretStorage: { backend: 'key-file' }, platform: 'linux' };

describe('dispatcher', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'connections', '', 42, null])(
    'refuses %s as a method',
    async (method) => {
      const dispatch = createDispatcher(table({}), { validateOutput: true });
      const envelope = await dispatch(method, {}, ctx);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    },
  );

  it('parses input and applies defaults before the handler sees it', async () => {
    let seen: unknown;
    const dispatch = createDispatcher(
      table({
        'audit.list': async (input) => {
          seen = input;
          return { entries: [], databaseTable: false, localPath: '/x' };
        },
      }),
      { validateOutput: true },
    );
    const envelope = await dispatch('audit.list', { connectionId: 'c1' }, ctx);
    expect(envelope.ok).toBe(true);
    expect(seen).toEqual({ connectionId: 'c1', limit: 200 });
  });

  it('answers invalid input with BAD_REQUEST naming the field, without calling the handler', async () => {
    let called = false;
    const dispatch = createDispatcher(
      table({
        'connections.delete': async () => {
          called = true;
          return { deleted: true };
        },
      }),
      { validateOutput: true },
    );
    const envelope = await dispatch('connections.delete', { id: 7 }, ctx);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!envelope.ok && envelope.error.message).toMatch(/id/);
    expect(called).toBe(false);
  });

  it('keeps Postgres error fields in the envelope', async () => {
    const pgError = Object.assign(new Error('syntax error at or near "SELEC"'), {
      code: '42601',
      severity: 'ERROR',
      position: '1',
      hint: 'check it',
    });
    const dispatch = createDispatcher(table({ 'app.info': async () => Promise.reject(pgError) }), { validateOutput: true });
    const envelope = await dispatch('app.info', {}, ctx);
    expect(envelope).toMatchObject({
      ok: false,
      error: {
        code: 'PG_ERROR',
        pg: { sqlstate: '42601', position: 1, hint: 'check it', serverMessage: 'syntax error at or near "SELEC"' },
      },
    });
  });

  it('passes RpcError codes through', async () => {
    const dispatch = createDispatcher(table({ 'app.info': async () => Promise.reject(new RpcError('NOT_FOUND', 'gone')) }), {
      validateOutput: true,
    });
    expect(await dispatch('app.info', {}, ctx)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
  });

  it('reports a handler result that breaks the output schema when validating', async () => {
    const dispatch = createDispatcher(table({ 'app.info': async () => ({ ...info, version: 3 }) }), { validateOutput: true });
    const envelope = await dispatch('app.info', {}, ctx);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!envelope.ok && envelope.error.message).toMatch(/breaks its contract/);
  });

  it('returns the value in an ok envelope', async () => {
    const dispatch = createDispatcher(table({ 'app.info': async () => info }), { validateOutput: true });
    expect(await dispatch('app.info', {}, ctx)).toEqual({ ok: true, value: info });
  });
});

describe('dispatcher on read-only profiles', () => {
  const readOnly = (id: string) => id === 'ro';
  const vacuumInput = (connectionId: string) => ({ connectionId, schema: 'public', name: 't' });

  it('refuses a writing method with READ_ONLY before its handler runs, and reports the refusal', async () => {
    let called = false;
    const refusals: unknown[] = [];
    const dispatch = createDispatcher(
      table({
        'maintenance.vacuum': async () => {
          called = true;
          return {};
        },
      }),
      { validateOutput: false, isReadOnly: readOnly, onRefused: (r) => refusals.push(r) },
    );
    const envelope = await dispatch('maintenance.vacuum', vacuumInput('ro'), ctx);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(!envelope.ok && envelope.error.message).toMatch(/maintenance\.vacuum .*read-only/);
    expect(called).toBe(false);
    expect(refusals).toEqual([expect.objectContaining({ method: 'maintenance.vacuum', connectionId: 'ro' })]);
  });

  it('lets the same method through on a writable profile', async () => {
    let called = false;
    const dispatch = createDispatcher(
      table({
        'maintenance.vacuum': async () => {
          called = true;
          return {};
        },
      }),
      { validateOutput: false, isReadOnly: readOnly },
    );
    expect((await dispatch('maintenance.vacuum', vacuumInput('rw'), ctx)).ok).toBe(true);
    expect(called).toBe(true);
  });

  it('lets non-writing and guarded methods through on a read-only profile', async () => {
    const dispatch = createDispatcher(
      table({
        'query.close': async () => ({ closed: true }),
        'query.openSession': async () => ({ guarded: true }),
      }),
      { validateOutput: false, isReadOnly: readOnly },
    );
    expect(await dispatch('query.close', { connectionId: 'ro', resultSetId: 'r' }, ctx)).toEqual({ ok: true, value: { closed: true } });
    expect(await dispatch('query.openSession', { connectionId: 'ro' }, ctx)).toEqual({ ok: true, value: { guarded: true } });
  });

  it('keeps the refusal when recording it fails', async () => {
    const dispatch = createDispatcher(table({}), {
      validateOutput: false,
      isReadOnly: readOnly,
      onRefused: () => {
        throw new Error('disk full');
      },
    });
    expect(await dispatch('maintenance.vacuum', vacuumInput('ro'), ctx)).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
  });
});

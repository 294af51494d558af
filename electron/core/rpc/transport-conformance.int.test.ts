import type { Envelope } from '../../../shared/rpc/envelope';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../http/server';
import { conformanceCases, type ConformanceTarget, type RawCall } from '../testing/conformance-cases';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

let db: TestDatabase;
let direct: DirectCore;
let http: HttpHost;
let target: ConformanceTarget;

beforeAll(async () => {
  db = await createTestDatabase('conformance');
  direct = createDirectCore();
  http = await startHttpHost({ dispatch: direct.core.dispatch, events: direct.core.events });
  target = { host: db.host, port: db.port, database: db.name, user: db.user, password: db.password };
});
afterAll(async () => {
  await http.close();
  await direct.dispose();
  await db.drop();
});

const transports: Record<string, () => RawCall> = {
  direct: () => (method, input) => direct.core.dispatch(method, input, { host: 'direct' }),
  http: () => async (method, input) => {
    const response = await fetch(`${http.origin}/rpc`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${http.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ method, input }),
    });
    return (await response.json()) as Envelope<unknown>;
  },
  // The IPC transport runs these same cases inside the Electron window: e2e/electron.spec.ts.
};

describe.each(Object.keys(transports))('transport %s', (name) => {
  it.each(conformanceCases.map((c) => [c.name, c] as const))('%s', async (_title, testCase) => {
    await testCase.run(transports[name]!(), target);
  });
});

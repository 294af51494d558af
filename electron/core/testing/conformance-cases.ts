import type { Envelope } from '../../../shared/rpc/envelope';

/** A raw transport call: what each host carries, envelope and all. */
export type RawCall = (method: unknown, input: unknown) => Promise<Envelope<unknown>>;

export interface ConformanceTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

export interface ConformanceCase {
  name: string;
  run(call: RawCall, target: ConformanceTarget): Promise<void>;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const fieldsFor = (t: ConformanceTarget, name: string) => ({
  name,
  host: t.host,
  port: t.port,
  database: t.database,
  user: t.user,
  sslmode: 'disable',
});

/**
 * The same cases run over every transport (direct, HTTP, Electron IPC): each host must carry
 * envelopes, errors and Postgres fields identically. Plain asserts, so the Electron project can
 * run them inside the page too.
 */
export const conformanceCases: ConformanceCase[] = [
  {
    name: 'answers a query with an ok envelope',
    async run(call) {
      const envelope = await call('app.info', {});
      assert(envelope.ok, `app.info failed: ${JSON.stringify(envelope)}`);
      assert(typeof (envelope.value as { version?: unknown }).version === 'string', 'app.info has a version');
    },
  },
  {
    name: 'refuses unknown and prototype method names',
    async run(call) {
      for (const method of ['nope.nothing', '__proto__', 'constructor']) {
        const envelope = await call(method, {});
        assert(
          !envelope.ok && envelope.error.code === 'UNKNOWN_METHOD',
          `${method} must be UNKNOWN_METHOD, got ${JSON.stringify(envelope)}`,
        );
      }
    },
  },
  {
    name: 'rejects invalid input with BAD_REQUEST',
    async run(call) {
      const envelope = await call('connections.delete', { id: 12 });
      assert(!envelope.ok && envelope.error.code === 'BAD_REQUEST', `expected BAD_REQUEST, got ${JSON.stringify(envelope)}`);
    },
  },
  {
    name: 'carries Postgres error fields of a failed connection',
    async run(call, target) {
      const envelope = await call('connections.test', { fields: fieldsFor(target, 'bad'), password: 'wrong-password' });
      assert(!envelope.ok, 'a wrong password must fail');
      assert(envelope.error.code === 'CONNECTION_FAILED', `code ${envelope.error.code}`);
      assert(envelope.error.pg?.sqlstate === '28P01', `sqlstate ${envelope.error.pg?.sqlstate}`);
    },
  },
  {
    name: 'saves a profile, connects, and never returns the password',
    async run(call, target) {
      const saved = await call('connections.save', { fields: fieldsFor(target, 'conformance'), password: target.password });
      assert(saved.ok, `save failed: ${JSON.stringify(saved)}`);
      const id = (saved.value as { id: string }).id;
      const ping = await call('connections.ping', { id });
      assert(ping.ok && (ping.value as { database: string }).database === target.database, `ping failed: ${JSON.stringify(ping)}`);
      const list = await call('connections.list', {});
      assert(list.ok && !JSON.stringify(list.value).includes(target.password), 'the password must never be returned');
      const removed = await call('connections.delete', { id });
      assert(removed.ok, 'delete failed');
    },
  },
];

import { describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';
import { poolMetrics } from './pool-registry';

const env = useCoreFixture('poolmetrics', { poolSize: 4 });

describe("the console's own pool metrics", () => {
  it('counts sessions in use, idle and requests waiting, and warns when requests wait', async () => {
    const pool = await env.direct.core.deps.pools.get(env.id);
    const held = await Promise.all([pool.connect(), pool.connect()]);
    expect(poolMetrics(pool)).toMatchObject({ max: 4, active: 2, waiting: 0, level: 'ok' });
    held.push(await pool.connect());
    expect(poolMetrics(pool)).toMatchObject({ max: 4, active: 3, waiting: 0, level: 'warning' }); // 75 %: past 70 %, not 85 %
    const fourth = await pool.connect();
    const queued = pool.query('SELECT 1');
    expect(poolMetrics(pool)).toMatchObject({ max: 4, total: 4, active: 4, idle: 0, waiting: 1, level: 'critical' });
    for (const c of [...held, fourth]) c.release();
    await queued;
    const after = await env.call('connections.ping', { id: env.id });
    expect(after.consolePool).toMatchObject({ max: 4, active: 0, waiting: 0, level: 'ok' });
    expect(after.consolePool?.idle).toBeGreaterThan(0);
    const health = await env.call('insights.health', { connectionId: env.id });
    expect(health.consolePool).toMatchObject({ max: 4, waiting: 0 });
  });
});

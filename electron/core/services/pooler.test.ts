import { describe, expect, it } from 'vitest';
import { poolsOf } from './pooler';

const pool = (over: Record<string, unknown>) => ({
  database: 'app',
  user: 'u',
  cl_active: 0,
  cl_waiting: 0,
  sv_active: 0,
  sv_idle: 0,
  sv_used: 0,
  maxwait: 0,
  maxwait_us: 0,
  pool_mode: 'transaction',
  ...over,
});

describe('poolsOf (SHOW POOLS + SHOW DATABASES)', () => {
  it('measures utilization against the pool size with the 70 % / 85 % thresholds', () => {
    const dbs = [{ name: 'app', pool_size: 20 }];
    const at = (svActive: number) => poolsOf([pool({ sv_active: svActive })], dbs)[0]!;
    expect(at(14)).toMatchObject({ utilization: 0.7, level: 'ok' });
    expect(at(15)).toMatchObject({ utilization: 0.75, level: 'warning' });
    expect(at(17)).toMatchObject({ utilization: 0.85, level: 'warning' });
    expect(at(18)).toMatchObject({ utilization: 0.9, level: 'critical' });
  });

  it('flags waiting clients and adds maxwait_us to maxwait', () => {
    const [p] = poolsOf([pool({ cl_waiting: 3, maxwait: 2, maxwait_us: 500_000 })], [{ name: 'app', pool_size: 5 }]);
    expect(p).toMatchObject({ waiting: true, clWaiting: 3, maxwaitSeconds: 2.5 });
  });

  it('has no utilization for a pool whose database SHOW DATABASES does not list', () => {
    const [p] = poolsOf([pool({ database: 'pgbouncer', sv_active: 1 })], [{ name: 'app', pool_size: 5 }]);
    expect(p).toMatchObject({ poolSize: null, utilization: null, level: 'unknown' });
  });
});

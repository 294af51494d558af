import { describe, expect, it } from 'vitest';
import { EXPORT_MAX_AGE_MS, ExportRegistry } from './export-registry';

const file = { path: '/data/exports/public.orders-1.csv', fileName: 'public.orders.csv', format: 'csv' as const };

describe('ExportRegistry', () => {
  it('names each export by a fresh random id and finds it again', () => {
    const registry = new ExportRegistry();
    const a = registry.register(file);
    const b = registry.register(file);
    expect(a.exportId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a.exportId).not.toBe(b.exportId);
    expect(registry.get(a.exportId)).toMatchObject(file);
  });

  it('does not know ids it did not issue, nor ids older than a day', () => {
    let now = 0;
    const registry = new ExportRegistry(() => now);
    const { exportId } = registry.register(file);
    expect(registry.get('nope')).toBeUndefined();
    expect(registry.get('__proto__')).toBeUndefined();
    now = EXPORT_MAX_AGE_MS + 1;
    expect(registry.get(exportId)).toBeUndefined();
  });

  it('forgets the oldest ids first beyond its bound', () => {
    const registry = new ExportRegistry();
    const first = registry.register(file);
    const ids = Array.from({ length: 500 }, () => registry.register(file).exportId);
    expect(registry.get(first.exportId)).toBeUndefined();
    expect(ids.every((id) => registry.get(id))).toBe(true);
  });
});

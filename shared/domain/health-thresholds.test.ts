import { describe, expect, it } from 'vitest';
import { defaultHealthThresholds as d, levelOf, thresholdProblem } from './health-thresholds';

describe('health thresholds', () => {
  it('uses the house rules as defaults', () => {
    expect(levelOf(900, d.queryP99Ms)).toBe('ok');
    expect(levelOf(1500, d.queryP99Ms)).toBe('warning');
    expect(levelOf(3001, d.queryP99Ms)).toBe('critical');
    expect(levelOf(0.71, d.connectionsRatio)).toBe('warning');
    expect(levelOf(0.86, d.connectionsRatio)).toBe('critical');
    expect(levelOf(0.9, d.cacheHitRatio)).toBe('ok');
    expect(levelOf(0.8, d.cacheHitRatio)).toBe('warning');
    expect(levelOf(0.7, d.cacheHitRatio)).toBe('critical');
    expect(levelOf(6, d.replicationLagSeconds)).toBe('warning');
    expect(levelOf(31, d.replicationLagSeconds)).toBe('critical');
    expect(levelOf(0.94, d.indexHitRatio)).toBe('warning');
    expect(levelOf(0.1, d.indexHitRatio)).toBe('warning'); // a target only, no critical level
  });

  it('treats the boundary as not past it and missing values as unknown', () => {
    expect(levelOf(1000, d.queryP99Ms)).toBe('ok');
    expect(levelOf(0.85, d.cacheHitRatio)).toBe('ok');
    expect(levelOf(null, d.cacheHitRatio)).toBe('unknown');
  });

  it('rejects thresholds in the wrong order', () => {
    expect(thresholdProblem({ direction: 'above', warning: 5, critical: 1 })).toMatch(/Critical/);
    expect(thresholdProblem({ direction: 'below', warning: 0.7, critical: 0.9 })).toMatch(/Critical/);
    expect(thresholdProblem(d.cacheHitRatio)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { replicaLagLevel, replicaLagText } from './replica-lag';

describe('replicaLagText / replicaLagLevel', () => {
  it('reads as the issue puts it, and grows its unit', () => {
    expect(replicaLagText(0.4)).toBe('replica, 0.4 s behind');
    expect(replicaLagText(0)).toBe('replica, caught up');
    expect(replicaLagText(42.4)).toBe('replica, 42 s behind');
    expect(replicaLagText(125)).toBe('replica, 2 min 5 s behind');
    expect(replicaLagText(7200)).toBe('replica, 2.0 h behind');
    expect(replicaLagText(null)).toBe('replica, lag unknown');
  });

  it('applies 5 s warning and 30 s critical', () => {
    expect(replicaLagLevel(5)).toBe('ok');
    expect(replicaLagLevel(5.1)).toBe('warning');
    expect(replicaLagLevel(30.1)).toBe('critical');
    expect(replicaLagLevel(null)).toBe('unknown');
  });
});

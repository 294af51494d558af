import { describe, expect, it } from 'vitest';
import type { DemoProgress } from '../../../../shared/contract/events';
import { isDemoStarting, latestDemoProgress } from './demo-progress';

const at = (phase: DemoProgress['phase'], elapsedMs: number): DemoProgress => ({
  phase,
  label: phase,
  step: null,
  steps: null,
  fraction: null,
  elapsedMs,
});

describe('demo progress in the status bar', () => {
  it('takes whichever report is further into the start', () => {
    expect(latestDemoProgress(at('migrating', 900), at('starting-server', 300))?.phase).toBe('migrating');
    // The window opened late: the list (polled) is ahead of the first pushed event it saw.
    expect(latestDemoProgress(at('migrating', 900), at('seeding', 4000))?.phase).toBe('seeding');
    expect(latestDemoProgress(undefined, at('seeding', 4000))?.phase).toBe('seeding');
    expect(latestDemoProgress(at('ready', 9000), undefined)?.phase).toBe('ready');
    expect(latestDemoProgress(undefined, undefined)).toBeUndefined();
  });

  it('shows the phase only while the demo is on its way up', () => {
    expect(isDemoStarting(at('seeding', 1))).toBe(true);
    expect(isDemoStarting(at('ready', 1))).toBe(false);
    expect(isDemoStarting(at('failed', 1))).toBe(false);
    expect(isDemoStarting(undefined)).toBe(false);
  });
});

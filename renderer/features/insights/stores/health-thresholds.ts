import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import {
  defaultHealthThresholds,
  type HealthMetric,
  type HealthThresholds,
  type Threshold,
} from '../../../../shared/domain/health-thresholds';

interface ThresholdStore {
  thresholds: HealthThresholds;
  set(metric: HealthMetric, t: Threshold): void;
  reset(): void;
}

/** The alert levels, the seeds' house rules by default; edits are kept on this machine. */
export const useHealthThresholds = create<ThresholdStore>()(
  persist(
    (set) => ({
      thresholds: defaultHealthThresholds,
      set: (metric, t) => set((s) => ({ thresholds: { ...s.thresholds, [metric]: t } })),
      reset: () => set({ thresholds: defaultHealthThresholds }),
    }),
    {
      name: 'ticketz-console.health-thresholds',
      merge: (saved, current) => ({
        ...current,
        thresholds: { ...defaultHealthThresholds, ...(saved as Partial<ThresholdStore>)?.thresholds },
      }),
    },
  ),
);

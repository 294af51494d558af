import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSession } from '../../../lib/session-store';
import { healthOptions } from '../api/health';
import { HEALTH_SAMPLE_MS, sampleOf, useHealthSeries } from '../stores/health-series';

/**
 * Samples the active connection's health every few seconds for as long as the app is open, on
 * whatever page, so the Health tab's charts cover the session rather than the minutes the tab was
 * shown. It shares the Health tab's query (same key), so the database is read once per interval.
 * Mounted once, in the shell.
 */
export function useHealthSampler(): void {
  const connectionId = useSession((s) => s.activeConnectionId);
  const paused = useHealthSeries((s) => s.paused);
  const add = useHealthSeries((s) => s.add);
  const { data } = useQuery({
    ...healthOptions(connectionId ?? '', paused ? false : HEALTH_SAMPLE_MS),
    enabled: connectionId !== undefined,
    refetchIntervalInBackground: true,
    // a connection that cannot be reached is the status bar's news; keep polling quietly
    retry: false,
  });
  useEffect(() => {
    if (connectionId && data) add(connectionId, sampleOf(data));
  }, [data, add, connectionId]);
}

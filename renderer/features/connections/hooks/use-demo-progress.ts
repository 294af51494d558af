import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DemoProgress } from '../../../../shared/contract/events';
import { appKeys, connKeys } from '../../../lib/query-keys';
import { useConnections } from '../api/list-connections';
import { latestDemoProgress } from '../model/demo-progress';
import { listenToDemoProgress, useDemoProgressStore } from '../stores/demo-progress';

/** The built-in demo's connection id (electron/core/services/connections.ts). */
const DEMO_ID = 'demo';

/**
 * What the demo database is doing: pushed demo.progress events, or the phase the connection list
 * carries. When it becomes ready, reads that were refused while it was being prepared run again.
 */
export function useDemoProgress(): DemoProgress | undefined {
  listenToDemoProgress();
  const live = useDemoProgressStore((s) => s.live);
  const progress = latestDemoProgress(live, useConnections().data?.demo.progress);
  const client = useQueryClient();
  const phase = progress?.phase;
  useEffect(() => {
    if (phase !== 'ready') return;
    void client.invalidateQueries({ queryKey: appKeys.connections() });
    void client.invalidateQueries({ queryKey: connKeys.root(DEMO_ID), predicate: (q) => q.state.status === 'error' });
  }, [phase, client]);
  return progress;
}

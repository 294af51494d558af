import { useMutation } from '@tanstack/react-query';
import { rpc } from '../../../lib/rpc';

/** A mutation: with ANALYZE the statement really runs (then is rolled back). */
export const explain = (connectionId: string, sql: string, analyze: boolean) =>
  rpc.call('insights.explain', { connectionId, sql, analyze });

export const useExplain = (connectionId: string) =>
  useMutation({ mutationFn: ({ sql, analyze }: { sql: string; analyze: boolean }) => explain(connectionId, sql, analyze) });

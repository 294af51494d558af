import { rpc } from '../../../lib/rpc';

/** The next rows of an open result set (called by the result grid as it scrolls). */
export const fetchMore = (connectionId: string, resultSetId: string, count: number) =>
  rpc.call('query.fetchMore', { connectionId, resultSetId, count });

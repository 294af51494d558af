import { rpc } from '../../../lib/rpc';

/** Rolls back whatever the tab's pinned session has open and gives it back to the pool. */
export const closeSession = (connectionId: string, sessionId: string) => rpc.call('query.closeSession', { connectionId, sessionId });

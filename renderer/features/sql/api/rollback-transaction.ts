import { rpc } from '../../../lib/rpc';

/** ROLLBACK on the tab's pinned session (audited on the server when the transaction wrote). */
export const rollbackTransaction = (connectionId: string, sessionId: string) => rpc.call('query.rollback', { connectionId, sessionId });

import { rpc } from '../../../lib/rpc';

/** COMMIT on the tab's pinned session (audited on the server when the transaction wrote). */
export const commitTransaction = (connectionId: string, sessionId: string) => rpc.call('query.commit', { connectionId, sessionId });

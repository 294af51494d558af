import { rpc } from '../../../lib/rpc';

/** pg_cancel_backend on the run's session (the server does it from another session). */
export const cancelQuery = (connectionId: string, runId: string) => rpc.call('query.cancel', { connectionId, runId });

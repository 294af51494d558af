import { rpc } from '../../../lib/rpc';

/** Frees the server session behind a result set the user no longer looks at. */
export const closeResult = (connectionId: string, resultSetId: string) => rpc.call('query.close', { connectionId, resultSetId });

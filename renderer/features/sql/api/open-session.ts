import { rpc } from '../../../lib/rpc';

/** Pins a session of the connection to a tab (Manual mode); refused when none can be spared. */
export const openSession = (connectionId: string) => rpc.call('query.openSession', { connectionId });

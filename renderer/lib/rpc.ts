import { createClient } from '../../shared/rpc/client';
import { chooseTransport } from './transport';

const chosen = chooseTransport();

/** The one typed client every feature's api/ file calls. */
export const rpc = createClient(chosen.transport);
export const hostKind = chosen.host;

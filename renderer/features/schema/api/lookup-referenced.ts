import type { InputOf } from '../../../../shared/contract';
import { rpc } from '../../../lib/rpc';

/** Rows a foreign-key column may point at, for the cell editor's suggestions (typed as you go, not cached). */
export const lookupReferenced = (input: InputOf<'data.lookupReferenced'>) => rpc.call('data.lookupReferenced', input);

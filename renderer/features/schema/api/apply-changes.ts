import type { InputOf } from '../../../../shared/contract';
import { rpc } from '../../../lib/rpc';

/** Commits staged row edits in one transaction (a mutation: never retried automatically). */
export const applyChanges = (input: InputOf<'data.applyChanges'>) => rpc.call('data.applyChanges', input);

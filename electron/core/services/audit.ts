import { type auditContract } from '../../../shared/contract/audit';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';

export function auditHandlers(deps: CoreDeps): HandlersFor<typeof auditContract> {
  return {
    'audit.list': async ({ connectionId, ...filter }) => ({
      ...(await deps.audit.list(connectionId, filter)),
      localPath: deps.audit.localPath(connectionId),
    }),
  };
}

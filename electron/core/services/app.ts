import { type appContract } from '../../../shared/contract/app';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';

export function appHandlers(deps: CoreDeps): HandlersFor<typeof appContract> {
  return {
    'app.info': async () => ({
      version: deps.version,
      host: deps.host,
      dataDir: deps.dataDir,
      secretStorage: deps.secrets.warning
        ? { backend: deps.secrets.backend, warning: deps.secrets.warning }
        : { backend: deps.secrets.backend },
      platform: process.platform,
    }),
  };
}

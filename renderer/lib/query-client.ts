import { QueryClient } from '@tanstack/react-query';
import { RpcError } from '../../shared/rpc/rpc-error';

/** Database reads retry once unless the answer is final (bad input, auth, Postgres error). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => {
          if (
            error instanceof RpcError &&
            ['BAD_REQUEST', 'UNAUTHORIZED', 'PG_ERROR', 'NOT_FOUND', 'CONNECTION_FAILED', 'READ_ONLY'].includes(error.code)
          )
            return false;
          return failures < 1;
        },
      },
      mutations: { retry: false },
    },
  });
}

/**
 * Root query keys. Everything read from a database lives under ['conn', id], so
 * disconnecting or switching clears exactly one subtree.
 */
export const appKeys = {
  all: ['app'] as const,
  info: () => ['app', 'info'] as const,
  connections: () => ['app', 'connections'] as const,
};

export const connKeys = {
  root: (connectionId: string) => ['conn', connectionId] as const,
  scoped: (connectionId: string, ...rest: readonly unknown[]) => ['conn', connectionId, ...rest] as const,
};

/** What the status bar may say about the active connection, from its last ping. */
export type ConnectionState = 'connecting' | 'failed' | 'connected';

/**
 * React Query keeps the last good answer while a later ping fails; that old answer must not
 * keep saying "Connected" to a server that is gone. Only a ping whose latest try succeeded does.
 */
export function connectionState(ping: { isPending: boolean; isError: boolean; isSuccess: boolean }): ConnectionState {
  if (ping.isError) return 'failed';
  if (ping.isSuccess) return 'connected';
  return 'connecting';
}

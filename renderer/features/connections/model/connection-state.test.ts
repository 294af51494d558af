import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { connectionState } from './connection-state';

describe('connectionState', () => {
  it('says failed, not connected, once a server that answered before stops answering', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let up = true;
    const observer = new QueryObserver(client, {
      queryKey: ['ping'],
      queryFn: () => (up ? Promise.resolve({ serverVersion: '18' }) : Promise.reject(new Error('connect ECONNREFUSED'))),
    });
    const unsubscribe = observer.subscribe(() => undefined);
    expect(connectionState(observer.getCurrentResult())).toBe('connecting');
    await observer.refetch();
    expect(connectionState(observer.getCurrentResult())).toBe('connected');
    up = false;
    await observer.refetch();
    const result = observer.getCurrentResult();
    expect(result.data).toEqual({ serverVersion: '18' }); // the stale answer is still there …
    expect(connectionState(result)).toBe('failed'); // … and is not shown as connected
    up = true;
    await observer.refetch();
    expect(connectionState(observer.getCurrentResult())).toBe('connected');
    unsubscribe();
    client.clear();
  });
});

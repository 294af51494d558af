import { queryOptions, useQuery } from '@tanstack/react-query';
import { appKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const getAppInfo = () => rpc.call('app.info', {});

export const appInfoOptions = () => queryOptions({ queryKey: appKeys.info(), queryFn: getAppInfo, staleTime: Infinity });

export const useAppInfo = () => useQuery(appInfoOptions());

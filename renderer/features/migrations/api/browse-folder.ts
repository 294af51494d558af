import { queryOptions, useQuery } from '@tanstack/react-query';
import { rpc } from '../../../lib/rpc';

export const browseFolder = (path: string) => rpc.call('migrations.browseFolder', { path });

/** The machine's folders (not a database): keyed outside any connection. */
export const browseFolderOptions = (path: string) => queryOptions({ queryKey: ['migrations-folder', path], queryFn: () => browseFolder(path), staleTime: 0 });

export const useBrowseFolder = (path: string | undefined) => useQuery({ ...browseFolderOptions(path ?? ''), enabled: path !== undefined });

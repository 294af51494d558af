import type { ObjectKind } from '../../../shared/contract/schema';
import { objectKinds } from '../../../shared/domain/object-kinds';

/** An object page's address: `#/schema/<schema>/<kind>/<name>[/<args>]`, each part URI-encoded. */
export interface ObjectRef {
  schema: string;
  kind: ObjectKind;
  name: string;
  /** Functions and procedures: identity arguments. */
  args?: string | undefined;
}

export function objectPath(ref: ObjectRef): string {
  const parts = [ref.schema, ref.kind, ref.name, ...(ref.args !== undefined ? [ref.args] : [])].map(encodeURIComponent);
  return `/schema/${parts.join('/')}`;
}

export function parseObjectPath(path: string): ObjectRef | undefined {
  const match = /^\/schema\/([^/]+)\/([^/]+)\/([^/]+)(?:\/([^/]*))?$/.exec(path);
  if (!match) return undefined;
  try {
    const kind = decodeURIComponent(match[2]!);
    if (!(objectKinds as readonly string[]).includes(kind)) return undefined;
    return {
      schema: decodeURIComponent(match[1]!),
      kind: kind as ObjectKind,
      name: decodeURIComponent(match[3]!),
      ...(match[4] !== undefined ? { args: decodeURIComponent(match[4]) } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * The kinds of schema object the browser lists. Kept apart from the contract (which builds its
 * zod schemas from it) so that the renderer's first paint, which routes by kind, loads no zod.
 */
export const objectKinds = ['table', 'view', 'matview', 'function', 'procedure', 'sequence', 'type', 'foreign-table', 'extension'] as const;
export type ObjectKind = (typeof objectKinds)[number];

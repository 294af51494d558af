/**
 * `"schema"."name"` for statement previews in confirmations — the same always-quoted form the
 * core builds (embedded double quotes doubled), so what is shown is what runs.
 */
export const quoteQualified = (schema: string, name: string): string => `"${schema.replaceAll('"', '""')}"."${name.replaceAll('"', '""')}"`;

import type { CustomTypesConfig } from 'pg';

/**
 * Every value exactly as Postgres prints it (text format), never parsed into JS: int8 and numeric
 * keep their precision, timestamps their zone, bytea arrives as \x… hex, json as its text. The
 * grid renders text, and keyset cursors round-trip through the same text.
 */
export const RAW_TEXT_TYPES: CustomTypesConfig = {
  getTypeParser: (() => (value: string) => value) as CustomTypesConfig['getTypeParser'],
};

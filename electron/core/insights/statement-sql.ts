import { pickVariant } from '../sql/pick-variant';
import countersV13 from '../sql/statements/counters.v13.sql?raw';
import countersV14 from '../sql/statements/counters.v14.sql?raw';
import counters from '../sql/statements/counters.sql?raw';
import detail from '../sql/statements/detail.sql?raw';
import infoV14 from '../sql/statements/info.v14.sql?raw';
import info from '../sql/statements/info.sql?raw';
import resetV17 from '../sql/statements/reset.v17.sql?raw';
import reset from '../sql/statements/reset.sql?raw';
import status from '../sql/statements/status.sql?raw';
import topV13 from '../sql/statements/top.v13.sql?raw';
import topV14 from '../sql/statements/top.v14.sql?raw';
import topV17 from '../sql/statements/top.v17.sql?raw';
import top from '../sql/statements/top.sql?raw';

/**
 * pg_stat_statements' columns follow the *extension* version, not the server's: a server upgraded
 * with pg_upgrade keeps the old view until ALTER EXTENSION … UPDATE. So variants are keyed by the
 * PostgreSQL major that shipped each extension version (1.8 → 13, 1.9 → 14, 1.10 → 15/16,
 * 1.11 → 17, 1.12 → 18) and picked from the installed version.
 */
export function statementsMajor(extversion: string): number {
  const match = /^(\d+)\.(\d+)/.exec(extversion);
  if (!match) return 12;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major > 1) return 99;
  if (minor >= 11) return 17 + (minor - 11);
  if (minor === 10) return 15;
  if (minor === 9) return 14;
  if (minor === 8) return 13;
  return 12;
}

export const statementSql = {
  status,
  detail,
  top: (m: number) => pickVariant({ 0: top, 13: topV13, 14: topV14, 17: topV17 }, m),
  counters: (m: number) => pickVariant({ 0: counters, 13: countersV13, 14: countersV14 }, m),
  reset: (m: number) => pickVariant({ 0: reset, 17: resetV17 }, m),
  info: (m: number) => pickVariant({ 0: info, 14: infoV14 }, m),
};

/** Every variant file, for the parse test. */
export const allStatementVariants = { top, topV13, topV14, topV17, counters, countersV13, countersV14, reset, resetV17, info, infoV14 };

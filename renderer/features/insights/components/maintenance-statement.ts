import type { MaintenanceTable } from '../../../../shared/contract/maintenance';
import { quoteQualified } from '../../../../shared/domain/quote-ident';
import type { MaintenanceVerb } from './MaintenanceConfirm';

export interface Pending {
  verb: MaintenanceVerb;
  table: MaintenanceTable;
  index?: string;
}

/** The statement the core will run for this choice, shown in the confirmation. */
export function statementFor(p: Pending): string {
  const rel = quoteQualified(p.table.schema, p.index ?? p.table.name);
  switch (p.verb) {
    case 'vacuum':
      return `VACUUM (ANALYZE) ${rel}`;
    case 'vacuum-full':
      return `VACUUM (FULL, ANALYZE) ${rel}`;
    case 'analyze':
      return `ANALYZE ${rel}`;
    case 'reindex-index':
      return `REINDEX INDEX CONCURRENTLY ${rel}`;
    case 'reindex-table':
      return `REINDEX TABLE CONCURRENTLY ${rel}`;
  }
}

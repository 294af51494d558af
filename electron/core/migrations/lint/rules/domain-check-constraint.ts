import { nameFromList, statementAs, unwrap, unwrapAll } from '../../../sql-parser/ast';
import { qualified } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/** CREATE DOMAIN reference page, Notes (CHECK on domains is not always enforced) and ALTER DOMAIN (ADD CONSTRAINT checks every column). */
export const domainCheckConstraint: LintRule = {
  id: 'domain-check-constraint',
  severity: 'warning',
  title: 'Domain with a CHECK constraint',
  why:
    'ALTER DOMAIN … ADD CONSTRAINT checks every column of every table that uses the domain, holding locks that block writes to all of ' +
    'them, and a domain CHECK cannot be changed later without the same scan. The docs also warn that domain CHECKs are not enforced in ' +
    'every path (a NULL through outer joins or composite values). A CHECK on the table column can be added NOT VALID and validated ' +
    'without blocking writes.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of ctx.up.statements) {
      const create = statementAs(statement, 'CreateDomainStmt');
      const checks = create ? unwrapAll(create.constraints, 'Constraint').filter((c) => c.contype === 'CONSTR_CHECK') : [];
      const alter = statementAs(statement, 'AlterDomainStmt');
      const added = alter?.subtype === 'C' ? unwrap(alter.def, 'Constraint') : undefined;
      if (checks.length === 0 && added?.contype !== 'CONSTR_CHECK') continue;
      const domain = qualified(nameFromList(create ? create.domainname : alter?.typeName));
      hits.push({
        statement,
        location: (checks[0] ?? added)?.location,
        message: create ? `Domain ${domain} is created with a CHECK constraint.` : `A CHECK constraint is added to domain ${domain}.`,
        safeRewrite: [
          `-- Put the CHECK on the columns instead, added without a long lock:`,
          `ALTER TABLE <table> ADD CONSTRAINT <name> CHECK (<condition on the column>) NOT VALID;`,
          `ALTER TABLE <table> VALIDATE CONSTRAINT <name>;`,
        ].join('\n'),
      });
    }
    return hits;
  },
};

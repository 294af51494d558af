import { describe, expect, it } from 'vitest';
import logInvalidSql from '../sql/tickets/log-invalid.sql?raw';
import validateBatchSql from '../sql/tickets/validate-batch.sql?raw';
import validateSql from '../sql/tickets/validate.sql?raw';
import { splitSql } from '../sql-parser';
import { withoutAudit } from './gate-statements';

const statements = { 'validate.sql': validateSql, 'validate-batch.sql': validateBatchSql, 'log-invalid.sql': logInvalidSql };

describe('withoutAudit', () => {
  for (const [name, sql] of Object.entries(statements)) {
    it(`cuts the audit entry out of ${name} and leaves one valid statement that no longer uses $6/$7`, async () => {
      expect(sql).toContain('ticketz_console.audit_log');
      const plain = withoutAudit(sql);
      const code = plain
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('--'))
        .join('\n');
      expect(code).not.toContain('audit_log');
      expect(code).not.toMatch(/\$[67]\b/);
      const parsed = await splitSql(plain);
      expect(parsed).toHaveLength(1);
      expect((await splitSql(sql)).length).toBe(1);
    });
  }

  it('refuses a statement without an audit block (a renamed marker would otherwise go unnoticed)', () => {
    expect(() => withoutAudit('SELECT 1')).toThrow(/audit block/);
  });
});

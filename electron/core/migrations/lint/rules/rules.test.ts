import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintMigration } from '../lint-migration';
import type { Finding, TransactionMode } from '../types';
import { allRuleInfo, lintRules } from './index';

/**
 * One test per rule, driven by its fixtures: fixtures/<rule-id>/bad.sql must be flagged exactly
 * at the positions its first line lists (`-- expect: line:column, …`), good.sql never. A
 * `<name>.down.sql` next to a fixture is its down script; without one the migration has none.
 * `-- options: transaction=always` sets how the runner wraps the script.
 */
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

function read(rule: string, name: string): { up: string; down: string | undefined } {
  const down = path.join(fixtures, rule, `${name}.down.sql`);
  return { up: readFileSync(path.join(fixtures, rule, `${name}.sql`), 'utf8'), down: existsSync(down) ? readFileSync(down, 'utf8') : undefined };
}

function expectedPositions(sql: string): string[] {
  const header = /^-- expect: (.*)$/m.exec(sql);
  if (!header?.[1]) throw new Error('bad.sql must start with "-- expect: line:column, …"');
  return header[1].split(',').map((p) => p.trim());
}

async function lintFixture(rule: string, name: string): Promise<Finding[]> {
  const { up, down } = read(rule, name);
  const transaction = /^-- options: .*transaction=(\w+)/m.exec(up)?.[1] as TransactionMode | undefined;
  const findings = await lintMigration({ upSql: up, downSql: down, name: `${rule}/${name}`, transaction });
  expect(findings.filter((f) => f.ruleId === 'syntax-error')).toEqual([]);
  return findings;
}

const position = (f: Finding) => `${f.line}:${f.column}`;

describe('lint rules', () => {
  it('every rule has fixtures, and every fixture folder a rule', () => {
    const ids = lintRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(readdirSync(fixtures).sort()).toEqual([...ids].sort());
  });

  for (const rule of lintRules) {
    describe(rule.id, () => {
      it('flags bad.sql at the expected positions, with why and a safe rewrite', async () => {
        const { up } = read(rule.id, 'bad');
        const findings = (await lintFixture(rule.id, 'bad')).filter((f) => f.ruleId === rule.id);
        expect(findings.map(position)).toEqual(expectedPositions(up));
        for (const f of findings) {
          expect(f.message).not.toBe('');
          expect(f.why).toBe(rule.why);
          expect(f.safeRewrite).not.toBe('');
          expect(f.title).toBe(rule.title);
        }
      });

      it('does not flag good.sql', async () => {
        const findings = (await lintFixture(rule.id, 'good')).filter((f) => f.ruleId === rule.id);
        expect(findings).toEqual([]);
      });
    });
  }
});

describe('lint README', () => {
  it('lists every rule', () => {
    const readme = readFileSync(path.join(fixtures, '..', 'README.md'), 'utf8');
    for (const rule of allRuleInfo) expect(readme).toMatch(new RegExp(`\\|\\s*\`${rule.id}\`\\s*\\|\\s*${rule.severity}\\s*\\|`));
  });
});

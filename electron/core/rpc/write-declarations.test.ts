import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, methodNames } from '../../../shared/contract';
import type { WriteDeclaration } from '../../../shared/contract/define';

/**
 * Every mutation and what it declares about writing to a database. A new mutation fails this test
 * until it is added here, so whoever adds it says — and a reviewer sees — whether a read-only
 * profile may call it.
 */
const expected: Record<string, WriteDeclaration> = {
  'connections.save': false,
  'connections.delete': false,
  'connections.connect': false,
  'connections.disconnect': false,
  'connections.createReadOnlyRole': true,
  'tickets.validate': true,
  // PgBouncer's state, not a database's: still a change to production, so not on a read-only profile.
  'pooler.pause': true,
  'pooler.resume': true,
  'pooler.reconnect': true,
  'backups.create': false,
  'backups.verify': true,
  'backups.restore': true,
  'backups.snapshotBeforeMigrations': false,
  'backups.restoreInPlace': true,
  'migrations.rehearse': true,
  'data.applyChanges': true,
  'migrations.apply': true,
  'migrations.rollback': true,
  'migrations.markRepaired': true,
  'migrations.dryRun': true,
  'migrations.verify': true,
  'migrations.cancelRun': false,
  'migrations.createFiles': false,
  'schema.exportData': false,
  'query.run': 'guarded',
  'query.fetchMore': false,
  'query.close': false,
  'query.cancel': false,
  'query.export': 'guarded',
  'query.openSession': 'guarded',
  'query.commit': 'guarded',
  'query.rollback': false,
  'query.closeSession': false,
  'insights.resetStatements': true,
  'insights.createExtension': true,
  'insights.explain': 'guarded',
  'insights.signalSession': true,
  'maintenance.vacuum': true,
  'maintenance.analyze': true,
  'maintenance.reindex': true,
  'maintenance.cancelTask': false,
  'matviews.refresh': true,
  'matviews.refreshAll': true,
  'exports.deliver': false,
};

describe('write declarations', () => {
  it('lists every mutation with its declaration', () => {
    const declared = Object.fromEntries(
      methodNames.filter((name) => contract[name].kind === 'mutation').map((name) => [name, contract[name].writes]),
    );
    expect(declared).toEqual(expected);
  });

  it('declares every query as not writing', () => {
    const writingQueries = methodNames.filter((name) => contract[name].kind === 'query' && contract[name].writes !== false);
    expect(writingQueries).toEqual([]);
  });

  it('gives every writing mutation a connectionId, which the dispatcher checks against the profile', () => {
    const withoutConnection = methodNames.filter((name) => {
      const input = contract[name].input;
      return contract[name].writes === true && !(input instanceof z.ZodObject && 'connectionId' in input.shape);
    });
    expect(withoutConnection).toEqual([]);
  });
});

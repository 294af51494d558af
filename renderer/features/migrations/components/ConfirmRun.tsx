import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorView } from '../../../components/ErrorView';
import { usePlan } from '../api/plan';
import { useProfile } from '../api/profiles';
import type { RunIntent } from '../api/run';

/**
 * What will run, in order, and what would stop it. On a connection labelled production the
 * database name must be typed before the button arms.
 */
export function ConfirmRun({
  connectionId,
  dir,
  intent,
  onConfirm,
  onCancel,
}: {
  connectionId: string;
  dir: string | undefined;
  intent: RunIntent;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const plan = usePlan(connectionId, dir, intent.direction === 'up' ? { direction: 'up', to: intent.to, allowOutOfOrder: false } : { direction: 'down', steps: intent.steps, to: intent.to, allowOutOfOrder: false });
  const profile = useProfile(connectionId);
  const [typed, setTyped] = useState('');
  const production = profile?.environment === 'production';
  const database = profile?.database ?? '';
  const blocked = (plan.data?.blockers.length ?? 0) > 0 || (plan.data?.steps.length ?? 0) === 0;
  const up = intent.direction === 'up';
  return (
    <ConfirmDialog
      title={up ? 'Apply migrations' : 'Roll back migrations'}
      confirmLabel={up ? 'Apply' : 'Roll back'}
      danger={!up || production}
      confirmDisabled={!plan.data || blocked || (production && typed !== database)}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        On <strong>{profile?.name ?? connectionId}</strong> ({database}
        {profile ? `, ${profile.environment}` : ''}). Each migration runs in its own transaction with its history row; statements that cannot run in one run alone.
      </p>
      {plan.error && <ErrorView title="Could not plan" error={plan.error} />}
      {plan.data && (
        <>
          <ol aria-label="Plan">
            {plan.data.steps.map((s) => (
              <li key={s.version}>
                {s.direction === 'up' ? 'apply' : 'roll back'} {s.version} {s.name} <span className="muted">({s.file}, {s.statements} statement(s){s.transactional ? '' : ', partly outside a transaction'})</span>
              </li>
            ))}
          </ol>
          {plan.data.steps.length === 0 && <p>Nothing to {up ? 'apply' : 'roll back'}.</p>}
          {plan.data.blockers.map((b) => (
            <p key={b.message} className="migrations-error-text">
              {b.message}
            </p>
          ))}
        </>
      )}
      {production && (
        <label className="migrations-type-to-confirm">
          This is a production connection. Type the database name <code>{database}</code> to confirm:
          <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Database name to confirm" autoFocus spellCheck={false} />
        </label>
      )}
    </ConfirmDialog>
  );
}

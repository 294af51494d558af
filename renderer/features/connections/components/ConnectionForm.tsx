import { useState } from 'react';
import { environments, sslModes, type Profile, type ProfileFields } from '../../../../shared/contract/connections';
import { parseConnectionUrl } from '../../../../shared/domain/connection-url';
import { ErrorView } from '../../../components/ErrorView';
import { Field } from '../../../components/Field';
import { environmentColor } from '../../../components/environment-color';
import { confirmLeave } from '../../../lib/leave-guards';
import { defaultReadOnly, useRole } from '../../../lib/role-store';
import { useSaveConnection } from '../api/save-connection';
import { useTestConnection } from '../api/test-connection';
import { RoleWritesReport } from './RoleWritesReport';
import { TopologyFields } from './TopologyFields';

const blank: ProfileFields = {
  name: '',
  host: 'localhost',
  port: 5432,
  database: 'postgres',
  user: 'postgres',
  sslmode: 'prefer',
  applicationName: 'ticketz-console',
  statementTimeoutMs: 30_000,
  readOnly: false,
  environment: 'development',
};

function fieldsOf(profile: Profile | undefined, readOnlyByDefault: boolean): ProfileFields {
  if (!profile) return { ...blank, readOnly: readOnlyByDefault };
  const { id: _id, kind: _kind, hasPassword: _has, ...fields } = profile;
  return fields;
}

/** Create or edit a profile. Paste a postgres:// URL to fill it; the password is write-only. */
export function ConnectionForm({ profile, onSaved, onCancel }: { profile?: Profile; onSaved: (p: Profile) => void; onCancel: () => void }) {
  const role = useRole((s) => s.role);
  const [fields, setFields] = useState<ProfileFields>(() => fieldsOf(profile, defaultReadOnly(role)));
  const [password, setPassword] = useState<string | undefined>(undefined);
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | undefined>();
  const save = useSaveConnection();
  const test = useTestConnection();
  const set = <K extends keyof ProfileFields>(key: K, value: ProfileFields[K]) => setFields((f) => ({ ...f, [key]: value }));

  const applyUrl = (text: string) => {
    setUrl(text);
    if (!text.trim()) return setUrlError(undefined);
    try {
      const parsed = parseConnectionUrl(text);
      setFields((f) => ({ ...parsed.fields, environment: f.environment, readOnly: f.readOnly, ...(f.name ? { name: f.name } : {}) }));
      if (parsed.password !== undefined) setPassword(parsed.password);
      setUrlError(undefined);
    } catch (err) {
      setUrlError(err instanceof Error ? err.message : String(err));
    }
  };

  const payload = { id: profile?.id, fields, password };
  return (
    <form
      className="connection-form"
      aria-label="Connection"
      onSubmit={(e) => {
        e.preventDefault();
        // Saving reconnects the profile (its pool is closed): open editor transactions are rolled back.
        void confirmLeave(profile?.id, 'Saving the connection').then((ok) => ok && save.mutate(payload, { onSuccess: onSaved }));
      }}
    >
      <Field label="Paste a connection URL" className="wide" error={urlError}>
        <input
          name="url"
          placeholder="postgres://user:password@host:5432/database?sslmode=require"
          value={url}
          onChange={(e) => applyUrl(e.target.value)}
        />
      </Field>
      <Field label="Name">
        <input name="name" required value={fields.name} onChange={(e) => set('name', e.target.value)} />
      </Field>
      <Field label="Host">
        <input name="host" required value={fields.host} onChange={(e) => set('host', e.target.value)} />
      </Field>
      <Field label="Port">
        <input name="port" type="number" min={1} max={65535} value={fields.port} onChange={(e) => set('port', Number(e.target.value))} />
      </Field>
      <Field label="Database">
        <input name="database" required value={fields.database} onChange={(e) => set('database', e.target.value)} />
      </Field>
      <Field label="User">
        <input name="user" required value={fields.user} onChange={(e) => set('user', e.target.value)} />
      </Field>
      <Field label="Password">
        <input
          name="password"
          type="password"
          autoComplete="off"
          placeholder={profile?.hasPassword ? '(saved — type to replace)' : ''}
          value={password ?? ''}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <Field label="SSL mode">
        <select name="sslmode" value={fields.sslmode} onChange={(e) => set('sslmode', e.target.value as ProfileFields['sslmode'])}>
          {sslModes.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </Field>
      {fields.sslmode !== 'disable' && (
        <>
          <Field label="CA certificate path">
            <input
              name="sslRootCertPath"
              value={fields.sslRootCertPath ?? ''}
              onChange={(e) => set('sslRootCertPath', e.target.value || undefined)}
            />
          </Field>
          <Field label="Client certificate path">
            <input name="sslCertPath" value={fields.sslCertPath ?? ''} onChange={(e) => set('sslCertPath', e.target.value || undefined)} />
          </Field>
          <Field label="Client key path">
            <input name="sslKeyPath" value={fields.sslKeyPath ?? ''} onChange={(e) => set('sslKeyPath', e.target.value || undefined)} />
          </Field>
        </>
      )}
      <Field label="application_name">
        <input name="applicationName" value={fields.applicationName} onChange={(e) => set('applicationName', e.target.value)} />
      </Field>
      <Field label="statement_timeout (ms, 0 = none)">
        <input
          name="statementTimeoutMs"
          type="number"
          min={0}
          value={fields.statementTimeoutMs}
          onChange={(e) => set('statementTimeoutMs', Number(e.target.value))}
        />
      </Field>
      <TopologyFields fields={fields} selfId={profile?.id} set={set} />
      <Field label="Environment">
        <select
          name="environment"
          value={fields.environment}
          onChange={(e) => set('environment', e.target.value as ProfileFields['environment'])}
        >
          {environments
            .filter((env) => env !== 'demo')
            .map((env) => (
              <option key={env}>{env}</option>
            ))}
        </select>
      </Field>
      <Field label="Colour">
        <input name="color" type="color" value={environmentColor(fields)} onChange={(e) => set('color', e.target.value)} />
      </Field>
      <label className="checkbox">
        <input name="readOnly" type="checkbox" checked={fields.readOnly} onChange={(e) => set('readOnly', e.target.checked)} />
        Read-only (every statement runs in a READ ONLY transaction; the console refuses whatever could leave it)
      </label>
      <label className="checkbox">
        <input
          name="allowServerFiles"
          type="checkbox"
          checked={fields.allowServerFiles === true}
          onChange={(e) => set('allowServerFiles', e.target.checked)}
        />
        Allow server-side programs and files in the editor (COPY … PROGRAM, COPY with a server file, pg_read_file, lo_import)
      </label>
      <div className="form-actions wide">
        <button type="button" onClick={() => test.mutate(payload)} disabled={test.isPending}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {test.data && (
        <p className="test-result wide" role="status">
          Connected: PostgreSQL {test.data.serverVersion} as {test.data.role}
          {test.data.isSuperuser ? ' (superuser)' : ''} in {test.data.latencyMs} ms
          {test.data.readOnly ? ', read-only' : ''}
          {test.data.inRecovery ? ', standby' : ''}
          {test.data.pooler
            ? ` — through ${test.data.pooler.kind === 'pgbouncer' ? 'PgBouncer' : 'a pooler or proxy'}: ${test.data.pooler.evidence}`
            : ''}
        </p>
      )}
      {test.data?.roleWrites && (
        <RoleWritesReport
          roleWrites={test.data.roleWrites}
          profileReadOnly={fields.readOnly}
          savedId={profile?.id}
          profileName={fields.name}
        />
      )}
      {test.error && <ErrorView title="Connection test failed" error={test.error} />}
      {save.error && <ErrorView title="Could not save" error={save.error} />}
    </form>
  );
}

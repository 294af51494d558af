import type { ProfileFields } from '../../../../shared/contract/connections';
import { Field } from '../../../components/Field';
import { useConnections } from '../api/list-connections';

/**
 * Where this profile sits in a topology: the server's own address when host:port is a pooler
 * (migrations, maintenance and Manual mode use it), and, for a read replica, its primary.
 */
export function TopologyFields({
  fields,
  selfId,
  set,
}: {
  fields: ProfileFields;
  selfId: string | undefined;
  set: <K extends keyof ProfileFields>(key: K, value: ProfileFields[K]) => void;
}) {
  const { data } = useConnections();
  const others = (data?.profiles ?? []).filter((p) => p.id !== selfId);
  return (
    <>
      <Field label="Direct host (if host:port is a pooler)">
        <input
          name="directHost"
          value={fields.directHost ?? ''}
          placeholder="same as host"
          onChange={(e) => set('directHost', e.target.value.trim() || undefined)}
        />
      </Field>
      <Field label="Direct port">
        <input
          name="directPort"
          type="number"
          min={1}
          max={65535}
          value={fields.directPort ?? ''}
          placeholder="e.g. 5432"
          onChange={(e) => set('directPort', e.target.value ? Number(e.target.value) : undefined)}
        />
      </Field>
      <Field label="Primary (for a read replica)">
        <select name="primaryId" value={fields.primaryId ?? ''} onChange={(e) => set('primaryId', e.target.value || undefined)}>
          <option value="">— not a replica —</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { profileFieldsSchema, type Profile, type ProfileFields } from '../../../shared/contract/connections';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { readJsonOr, writeJsonAtomic } from './json-file';
import type { SecretBox } from './secret-box';

const storedProfileSchema = profileFieldsSchema.extend({
  id: z.string(),
  sealedPassword: z.string().optional(),
});
type StoredProfile = z.infer<typeof storedProfileSchema>;
const fileSchema = z.object({ version: z.literal(1), profiles: z.array(storedProfileSchema) });

/** Saved connection profiles in `<dataDir>/connections.json` (0600); passwords sealed by the SecretBox. */
export class ProfileStore {
  private readonly filePath: string;

  constructor(
    dataDir: string,
    private readonly secrets: SecretBox,
  ) {
    this.filePath = path.join(dataDir, 'connections.json');
  }

  private read(): StoredProfile[] {
    return fileSchema.parse(readJsonOr(this.filePath, { version: 1, profiles: [] })).profiles;
  }

  private write(profiles: StoredProfile[]): void {
    writeJsonAtomic(this.filePath, { version: 1, profiles });
  }

  list(): Profile[] {
    return this.read().map(toView);
  }

  get(id: string): Profile {
    return toView(this.stored(id));
  }

  private stored(id: string): StoredProfile {
    const found = this.read().find((p) => p.id === id);
    if (!found) throw new RpcError('NOT_FOUND', `No saved connection with id ${id}.`);
    return found;
  }

  /** The decrypted password, for the pool only; never part of a contract output. */
  password(id: string): string | undefined {
    const sealed = this.stored(id).sealedPassword;
    return sealed === undefined ? undefined : this.secrets.open(sealed);
  }

  save(id: string | undefined, fields: ProfileFields, password: string | null | undefined): Profile {
    const profiles = this.read();
    const index = id === undefined ? -1 : profiles.findIndex((p) => p.id === id);
    if (id !== undefined && index < 0) throw new RpcError('NOT_FOUND', `No saved connection with id ${id}.`);
    const previous = index >= 0 ? profiles[index] : undefined;
    const sealedPassword = password === undefined ? previous?.sealedPassword : password === null ? undefined : this.secrets.seal(password);
    const next: StoredProfile = { ...fields, id: previous?.id ?? randomUUID(), sealedPassword };
    if (index >= 0) profiles[index] = next;
    else profiles.push(next);
    this.write(profiles);
    return toView(next);
  }

  delete(id: string): boolean {
    const profiles = this.read();
    const kept = profiles.filter((p) => p.id !== id);
    if (kept.length === profiles.length) return false;
    this.write(kept);
    return true;
  }
}

function toView({ sealedPassword, ...fields }: StoredProfile): Profile {
  return { ...fields, kind: 'saved', hasPassword: sealedPassword !== undefined };
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Encrypts secrets at rest. Electron supplies one backed by safeStorage; plain Node uses a key file. */
export interface SecretBox {
  readonly backend: string;
  /** Set when the backend protects secrets weakly (e.g. Electron's basic_text on Linux). */
  readonly warning?: string;
  seal(plain: string): string;
  open(sealed: string): string;
}

const KEY_FILE = 'secret.key';
const PREFIX = 'aes256gcm:';

/**
 * AES-256-GCM with a random key kept in its own 0600 file beside the data, never in the
 * profiles file: a copied connections.json alone reveals no password.
 */
export function createKeyFileSecretBox(dataDir: string): SecretBox {
  const keyPath = path.join(dataDir, KEY_FILE);
  if (!existsSync(keyPath)) writeFileSync(keyPath, randomBytes(32), { mode: 0o600, flag: 'wx' });
  chmodSync(keyPath, 0o600);
  const key = readFileSync(keyPath);
  if (key.length !== 32)
    throw new Error(`${keyPath} is not a 32-byte key; move it away to create a new one (saved passwords will need re-entering).`);
  return {
    backend: 'key-file',
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      if (!sealed.startsWith(PREFIX))
        throw new Error('This secret was sealed by another backend (the desktop app?) and cannot be read here.');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

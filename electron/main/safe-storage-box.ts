import { safeStorage } from 'electron';
import type { SecretBox } from '../core/store/secret-box';

const PREFIX = 'safestorage:';

/**
 * Secrets sealed by the OS keychain through Electron's safeStorage. On Linux without a
 * keyring Electron falls back to 'basic_text' (a hard-coded key): we warn the user.
 * https://www.electronjs.org/docs/latest/api/safe-storage
 */
export function createSafeStorageBox(): SecretBox {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os-keychain';
  const warning =
    backend === 'basic_text'
      ? 'No OS keyring was found (Linux basic_text): saved passwords are only obfuscated, not encrypted. Install and unlock a keyring (GNOME Keyring, KWallet) to protect them.'
      : undefined;
  return {
    backend: `safeStorage:${backend}`,
    ...(warning ? { warning } : {}),
    seal: (plain) => PREFIX + safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => {
      if (!sealed.startsWith(PREFIX)) throw new Error('This secret was saved by browser mode; re-enter the password in the desktop app.');
      return safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
    },
  };
}

import { readFileSync, statSync } from 'node:fs';
import { parseConnectionUrl } from '../../shared/domain/connection-url';
import { UsageError } from './exit-codes';

/**
 * Where the CLI takes secrets from. An argument is visible to every user of the machine (`ps`,
 * /proc/<pid>/cmdline) and lands in shell history, so each secret can also come from a file, an
 * environment variable or a prompt; given as an argument, it still works, with a warning.
 */
export interface SecretFlags {
  value: string | undefined;
  file: string | undefined;
  /** The flag names, for messages: `--url`, `--url-file`. */
  flag: string;
  fileFlag: string;
  env: string;
}

export interface Warn {
  (line: string): void;
}

/** The secret from the flag, the file or the environment (in that order); undefined when none. */
export function readSecret(flags: SecretFlags, warn: Warn, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (flags.value !== undefined && flags.file !== undefined) throw new UsageError(`Give ${flags.flag} or ${flags.fileFlag}, not both.`);
  if (flags.file !== undefined) return readSecretFile(flags.file, flags.fileFlag, warn);
  if (flags.value !== undefined) return flags.value;
  const fromEnv = env[flags.env];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

function readSecretFile(file: string, flag: string, warn: Warn): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${flag}: cannot read ${file} (${err instanceof Error ? err.message : String(err)}).`);
  }
  // POSIX permission bits; Windows reports 0o666 for every file, so say nothing there.
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0)
    warn(`Warning: ${file} can be read by other users; chmod 600 it.`);
  const value = text.replace(/\r?\n$/, '');
  if (value === '') throw new UsageError(`${flag}: ${file} is empty.`);
  return value;
}

/** The warning for a secret typed on the command line; undefined when there is nothing secret in it. */
export function argumentWarning(flag: string, value: string | undefined, instead: string): string | undefined {
  if (value === undefined) return undefined;
  if (flag === '--url') {
    if (!urlHasPassword(value)) return undefined;
    return `Warning: the password in --url is visible to other users of this machine (ps) and in your shell history. Use ${instead} instead.`;
  }
  return `Warning: ${flag} is visible to other users of this machine (ps) and in your shell history. Use ${instead} instead.`;
}

function urlHasPassword(url: string): boolean {
  try {
    return parseConnectionUrl(url).password !== undefined;
  } catch {
    return false; // the caller reports the malformed URL
  }
}

/**
 * Asks for a password: on a terminal without echo, otherwise the first line of stdin (so
 * `--password-prompt < file` and a pipe from a secret manager work too).
 */
export function promptPassword(
  question: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (value: string) => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      if (input.isTTY) input.setRawMode(false);
      input.pause();
      resolve(value);
    };
    const onEnd = () => done(typed);
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\u0003') {
          if (input.isTTY) input.setRawMode(false);
          return reject(new UsageError('Cancelled.'));
        }
        if (ch === '\r' || ch === '\n') {
          if (input.isTTY) output.write('\n');
          return done(typed);
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    if (input.isTTY) {
      output.write(question);
      input.setRawMode(true);
    }
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}

export interface DatabaseUrlFlags {
  url?: string;
  'url-file'?: string;
  'password-prompt'?: boolean;
}

/**
 * The database a command works on: `--url`, `--url-file` or TICKETZ_CONSOLE_URL, and with
 * `--password-prompt` a password asked for (it wins over one in the URL). undefined: none given.
 */
export async function databaseUrlFrom(values: DatabaseUrlFlags, warn: Warn): Promise<{ url: string; password?: string } | undefined> {
  const instead = '--url-file F, TICKETZ_CONSOLE_URL, a URL without the password plus --password-prompt, or PGPASSWORD';
  const url = readSecret(
    { value: values.url, file: values['url-file'], flag: '--url', fileFlag: '--url-file', env: 'TICKETZ_CONSOLE_URL' },
    warn,
  );
  const warning = argumentWarning('--url', values.url, instead);
  if (warning) warn(warning);
  if (url === undefined) {
    if (values['password-prompt']) throw new UsageError('--password-prompt needs the database: --url, --url-file or TICKETZ_CONSOLE_URL.');
    return undefined;
  }
  if (!values['password-prompt']) return { url };
  let who = 'the database';
  try {
    const { fields } = parseConnectionUrl(url);
    who = `${fields.user}@${fields.host}:${fields.port}/${fields.database}`;
  } catch {
    // the caller reports the malformed URL
  }
  return { url, password: await promptPassword(`Password for ${who}: `) };
}

/** The flags every command with a database takes, for parseArgs. */
export const databaseUrlOptions = {
  url: { type: 'string' },
  'url-file': { type: 'string' },
  'password-prompt': { type: 'boolean' },
} as const;

import { spawn } from 'node:child_process';
import type { PgTool } from './pg-tools';

export interface ToolRun {
  /** The tool's stderr, line by line (pg_dump --verbose reports each table there). */
  onLine?: (line: string) => void;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s). */
  signal?: AbortSignal;
  env: NodeJS.ProcessEnv;
}

/** A failed tool run: its exit code and the last lines it printed. */
export class ToolFailed extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly cancelled: boolean,
  ) {
    super(message);
    // The task runner and audited() treat 57014 as "cancelled", as for a cancelled statement.
    if (cancelled) Object.assign(this, { code: '57014' });
  }
}

const KEEP_LINES = 40;

/** Runs pg_dump or pg_restore with an argument array (no shell); resolves with stderr when it exits 0. */
export function runTool(tool: PgTool, args: string[], options: ToolRun): Promise<string> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ToolFailed(`${tool.name} was cancelled before it started.`, null, '', true));
    const child = spawn(tool.path, args, { env: options.env, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    const lines: string[] = [];
    let partial = '';
    let cancelled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      cancelled = true;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > KEEP_LINES) lines.shift();
        options.onLine?.(line);
      }
    });
    child.on('error', (err) => reject(new ToolFailed(`${tool.name} could not start: ${err.message}`, null, '', false)));
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      if (partial) lines.push(partial);
      const stderr = lines.join('\n');
      if (code === 0 && !cancelled) return resolve(stderr);
      const errors =
        lines
          .filter((l) => /error|fatal/i.test(l))
          .slice(-5)
          .join('\n') || stderr.split('\n').slice(-5).join('\n');
      reject(
        new ToolFailed(
          cancelled ? `${tool.name} was cancelled.` : `${tool.name} failed (exit ${code}): ${errors}`,
          code,
          stderr,
          cancelled,
        ),
      );
    });
  });
}

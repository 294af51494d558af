import type { CoreDeps } from '../deps';
import { TaskRunner } from './task-runner';

const runners = new WeakMap<CoreDeps, TaskRunner>();

/** One task runner per core, shared by the services that start background work. */
export function tasksFor(deps: CoreDeps): TaskRunner {
  let runner = runners.get(deps);
  if (!runner) {
    runner = new TaskRunner(deps);
    runners.set(deps, runner);
  }
  return runner;
}

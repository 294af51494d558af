import { contract, isMethodName, type MethodName, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { MethodSpec } from '../../../shared/contract/define';
import type { Envelope } from '../../../shared/rpc/envelope';
import type { CallContext } from './call-context';
import { toErrorBody } from './to-error-body';

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: CallContext) => Promise<OutputOf<M>>;

/** One handler per contract entry: leaving one out is a compile error. */
export type HandlerTable = { [M in MethodName]: Handler<M> };

/** The slice of the table one service implements, keyed by its domain's contract object. */
export type HandlersFor<D extends Record<string, MethodSpec>> = { [M in keyof D & MethodName]: Handler<M> };

export type Dispatch = (method: unknown, input: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

export interface DispatcherOptions {
  /** Parse every result against its output schema (on in tests and development). */
  validateOutput: boolean;
  /** Sees every failure, e.g. to log INTERNAL errors with their stack. */
  onError?: (method: string, err: unknown) => void;
  /**
   * Whether a connection's profile is read-only. Methods declared `writes: true` naming such a
   * connection are refused with READ_ONLY before their handler runs.
   */
  isReadOnly?: (connectionId: string) => boolean;
  /** Sees every READ_ONLY refusal, to put it in the audit log. */
  onRefused?: (refusal: ReadOnlyRefusal) => void;
}

export interface ReadOnlyRefusal {
  method: MethodName;
  connectionId: string;
  message: string;
}

/** The connection a parsed input names, if any (every connection-scoped method has `connectionId`). */
function connectionOf(parsed: unknown): string | undefined {
  const id = (parsed as { connectionId?: unknown } | null)?.connectionId;
  return typeof id === 'string' ? id : undefined;
}

export function readOnlyMessage(method: string): string {
  return `${method} changes the database, and this connection's profile is read-only. Use a profile that allows changes (Connections → edit → uncheck Read-only).`;
}

/** method lookup → input parse → handler → envelope; nothing throws past this point. */
export function createDispatcher(handlers: HandlerTable, options: DispatcherOptions): Dispatch {
  return async (method, input, ctx) => {
    // Object.hasOwn, not `in`: '__proto__', 'constructor' and 'toString' are not methods.
    if (!isMethodName(method)) {
      const shown = typeof method === 'string' ? method.slice(0, 80) : typeof method;
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${shown}` } };
    }
    const spec: MethodSpec = contract[method];
    try {
      const parsed = spec.input.parse(input ?? {});
      const target = spec.writes === true ? connectionOf(parsed) : undefined;
      if (target !== undefined && options.isReadOnly?.(target)) {
        const message = readOnlyMessage(method);
        try {
          options.onRefused?.({ method, connectionId: target, message });
        } catch (err) {
          options.onError?.(method, err); // an audit failure must not turn the refusal into an INTERNAL error
        }
        return { ok: false, error: { code: 'READ_ONLY', message } };
      }
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      const value = await handler(parsed, ctx);
      if (!options.validateOutput) return { ok: true, value };
      const checked = spec.output.safeParse(value);
      if (checked.success) return { ok: true, value: checked.data };
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `${method} returned a result that breaks its contract: ${checked.error.message}` },
      };
    } catch (err) {
      options.onError?.(method, err);
      return { ok: false, error: toErrorBody(err) };
    }
  };
}

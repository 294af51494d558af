import type { EventName, EventPayload, InputOf, MethodName, OutputOf } from '../contract';
import { RpcError } from './rpc-error';
import type { Transport } from './transport';

export interface RpcClient {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The typed client: method names and types come from the contract; failures throw RpcError. */
export function createClient(transport: Transport): RpcClient {
  return {
    async call(method, input) {
      const envelope = await transport.call(method, input);
      if (!envelope.ok) throw RpcError.fromBody(envelope.error);
      return envelope.value as never;
    },
    on(event, listener) {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as never);
      });
    },
  };
}

import type { ErrorCode, PgErrorFields, RpcErrorBody } from './envelope';

/** An error that crosses processes as data: the envelope's `error`, rebuilt as a throwable. */
export class RpcError extends Error {
  readonly code: ErrorCode;
  readonly pg: PgErrorFields | undefined;

  constructor(code: ErrorCode, message: string, pg?: PgErrorFields) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
    this.pg = pg;
  }

  static fromBody(body: RpcErrorBody): RpcError {
    return new RpcError(body.code, body.message, body.pg);
  }

  toBody(): RpcErrorBody {
    return this.pg ? { code: this.code, message: this.message, pg: this.pg } : { code: this.code, message: this.message };
  }
}

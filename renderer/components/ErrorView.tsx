import { RpcError } from '../../shared/rpc/rpc-error';

/** What happened, the Postgres fields that explain why, and what to do. Always plain text. */
export function ErrorView({ error, title }: { error: unknown; title?: string }) {
  const rpc = error instanceof RpcError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error-view" role="alert">
      <strong>{title ?? 'Something went wrong'}</strong>
      <p className="error-message">{message}</p>
      {rpc?.pg && (
        <dl className="error-fields">
          <dt>SQLSTATE</dt>
          <dd>{rpc.pg.sqlstate}</dd>
          {rpc.pg.detail && (
            <>
              <dt>Detail</dt>
              <dd>{rpc.pg.detail}</dd>
            </>
          )}
          {rpc.pg.hint && (
            <>
              <dt>Hint</dt>
              <dd>{rpc.pg.hint}</dd>
            </>
          )}
          {rpc.pg.position !== undefined && (
            <>
              <dt>Position</dt>
              <dd>character {rpc.pg.position}</dd>
            </>
          )}
          {rpc.pg.where && (
            <>
              <dt>Where</dt>
              <dd>{rpc.pg.where}</dd>
            </>
          )}
        </dl>
      )}
      {rpc && <p className="error-code">Error code: {rpc.code}</p>}
    </div>
  );
}

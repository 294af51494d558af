import pg from 'pg';

interface CopyConnection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * `COPY … FROM stdin` with its data block (as psql and pg_dump write it) over the wire
 * protocol: pg's Query answers the server's CopyInResponse by failing ("no source stream");
 * this one sends the data instead. (The pg-copy-streams package does the same for streams.)
 */
class CopyFromData extends pg.Query {
  constructor(
    text: string,
    private readonly data: string,
  ) {
    super(text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    if (this.data.length > 0) connection.sendCopyFromChunk(Buffer.from(this.data, 'utf8'));
    connection.endCopyFrom();
  }
}

export function copyFromData(client: pg.ClientBase, text: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const query = new CopyFromData(text, data);
    query.on('end', () => resolve());
    query.on('error', reject);
    void client.query(query);
  });
}

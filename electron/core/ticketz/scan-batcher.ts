/** One gate scan, ready for the database: the ticket's hash and what the validation row records. */
export interface GateScan {
  hash: string;
  eventId: string;
  raw: string;
  gate: string;
  staff: string;
}

/** The two statements a batcher sends: one scan alone, or several in one statement. */
export interface ScanStatements<Row> {
  one(scan: GateScan): Promise<Row | undefined>;
  /** One result per scan, in the order given (undefined: that scan's event does not exist). */
  many(scans: readonly GateScan[]): Promise<(Row | undefined)[]>;
}

interface Pending<Row> {
  scan: GateScan;
  resolve(row: Row | undefined): void;
  reject(err: unknown): void;
}

/** Scans of one statement at most; past this a busy gate waits a round trip longer. */
const MAX_BATCH = 64;

/**
 * Group commit for gate scans. A scan that finds a free slot goes to the database at once, alone
 * (no added latency at a quiet gate). Scans that arrive while every slot is busy queue up and
 * leave together, in one statement, when a slot frees: under load one round trip and one commit
 * (one WAL flush) serve many scans, and each scan is still answered only after its commit.
 *
 * Exactly-once holds inside a statement (the batch statement lets only the earliest scan of a
 * ticket compete) and across statements (the UPDATE re-checks `status = 'VALID'`). A ticket is
 * never in two of this process's statements at once: a scan whose ticket is in flight waits for
 * the next batch, so our own statements never lock the same rows and cannot deadlock each other.
 * If a batch fails (another process's batch deadlocked with it, say), every scan in it is retried
 * alone, so each caller gets its own answer or its own error.
 */
export class ScanBatcher<Row> {
  private queue: Pending<Row>[] = [];
  private inFlight = 0;
  private readonly busyTickets = new Set<string>();

  constructor(
    private readonly statements: ScanStatements<Row>,
    private readonly maxInFlight: number,
    private readonly maxBatch = MAX_BATCH,
  ) {}

  submit(scan: GateScan): Promise<Row | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ scan, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch: Pending<Row>[] = [];
      const waiting: Pending<Row>[] = [];
      for (const pending of this.queue) {
        if (batch.length < this.maxBatch && !this.busyTickets.has(pending.scan.hash)) batch.push(pending);
        else waiting.push(pending);
      }
      if (batch.length === 0) return;
      this.queue = waiting;
      const hashes = new Set(batch.map((p) => p.scan.hash));
      for (const hash of hashes) this.busyTickets.add(hash);
      this.inFlight++;
      void this.send(batch).finally(() => {
        for (const hash of hashes) this.busyTickets.delete(hash);
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async send(batch: Pending<Row>[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const rows = await this.statements.many(batch.map((p) => p.scan));
        batch.forEach((p, i) => p.resolve(rows[i]));
        return;
      } catch {
        // fall through: each scan on its own
      }
    }
    await Promise.all(
      batch.map((p) =>
        this.statements.one(p.scan).then(
          (row) => p.resolve(row),
          (err: unknown) => p.reject(err),
        ),
      ),
    );
  }
}

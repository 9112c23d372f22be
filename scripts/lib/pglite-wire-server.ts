// Serves one PGlite instance over the PostgreSQL wire protocol to many client connections.
//
// Why not pglite-socket's PGLiteSocketServer: its multiplexer queues single protocol messages, so another
// connection's Parse/Bind can land between one connection's Parse and Execute and the unnamed statement or
// portal gets swapped ("bind message supplies 3 parameters, but prepared statement \"\" requires 2"); it only
// keeps a connection exclusive inside explicit BEGIN blocks. PGlite is one backend session, so here a
// connection owns the backend from its first message until the backend reports ReadyForQuery with status
// 'I' (idle, outside a transaction): extended-protocol batches and whole transactions run without
// interleaving. Invariant: at most one connection owns the backend; ownership passes only at an idle
// ReadyForQuery or when the owner disconnects (after Sync + ROLLBACK).
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const PROTOCOL_V3 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const SYNC_MESSAGE = new Uint8Array([0x53, 0, 0, 0, 4]);
/** A lock held longer than this by one connection is reported once: usually a transaction waiting on another connection. */
const LONG_HOLD_WARNING_MS = 15_000;

export interface WireServerOptions {
  db: PGlite;
  host?: string;
  port?: number;
  /** Refuse connections above this count (default 100). */
  maxConnections?: number;
}

export interface WireServer {
  port: number;
  host: string;
  connectionCount(): number;
  close(): Promise<void>;
}

/** FIFO mutex over the single backend session. */
class BackendLock {
  private owner: Connection | null = null;
  private waiters: Array<{ conn: Connection; grant: () => void }> = [];
  private warned = false;

  isOwner(conn: Connection): boolean {
    return this.owner === conn;
  }

  async acquire(conn: Connection): Promise<void> {
    if (this.owner === conn) return;
    if (this.owner === null) {
      this.grant(conn);
      return;
    }
    const waitingSince = Date.now();
    const timer = setTimeout(() => this.warnLongHold(conn, waitingSince), LONG_HOLD_WARNING_MS);
    timer.unref();
    await new Promise<void>((resolve) =>
      this.waiters.push({
        conn,
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      }),
    );
  }

  private warnLongHold(waiter: Connection, since: number): void {
    if (this.warned || this.owner === null) return;
    this.warned = true;
    console.warn(
      `[embedded-db] connection #${waiter.id} has waited ${Math.round((Date.now() - since) / 1000)}s for connection #${this.owner.id}, ` +
        'which holds the database (an open transaction?). With the embedded database a transaction must not wait on a query ' +
        'made through another connection (use the transaction handle `tx`, not `db`).',
    );
  }

  release(conn: Connection): void {
    if (this.owner !== conn) return;
    this.owner = null;
    const next = this.waiters.shift();
    if (next) {
      this.grant(next.conn);
      next.grant();
    }
  }

  /** Stops waiting for `conn` (its acquire() returns without ownership; the caller checks it is closed). */
  drop(conn: Connection): void {
    for (const w of this.waiters) if (w.conn === conn) w.grant();
    this.waiters = this.waiters.filter((w) => w.conn !== conn);
  }

  private grant(conn: Connection): void {
    this.owner = conn;
    this.warned = false;
  }
}

let nextConnectionId = 1;

class Connection {
  readonly id = nextConnectionId++;
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  private closed = false;
  /** Messages are handled strictly in arrival order per connection. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: Socket,
    private readonly db: PGlite,
    private readonly lock: BackendLock,
    private readonly onGone: (conn: Connection) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.enqueue(() => this.drain());
    });
    socket.on('error', () => this.shutdown());
    socket.on('close', () => this.shutdown());
  }

  /** Waits for in-flight work, then releases the backend cleanly. Idempotent. */
  shutdown(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.lock.drop(this);
      this.enqueue(() => this.cleanup());
      this.socket.destroy();
    }
    return this.chain;
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch((error: unknown) => {
      console.error(`[embedded-db] connection #${this.id}:`, error);
      this.socket.destroy();
    });
  }

  private async drain(): Promise<void> {
    while (!this.closed) {
      const message = this.nextMessage();
      if (!message) return;
      await this.handle(message);
    }
  }

  private nextMessage(): { kind: 'startup' | 'ssl' | 'cancel' | 'regular'; type: number; bytes: Buffer } | null {
    if (!this.started) {
      if (this.buffer.length < 8) return null;
      const length = this.buffer.readInt32BE(0);
      if (this.buffer.length < length) return null;
      const code = this.buffer.readInt32BE(4);
      const bytes = this.buffer.subarray(0, length);
      this.buffer = this.buffer.subarray(length);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) return { kind: 'ssl', type: 0, bytes };
      if (code === CANCEL_REQUEST) return { kind: 'cancel', type: 0, bytes };
      if (code !== PROTOCOL_V3) throw new Error(`unsupported protocol version ${code}`);
      return { kind: 'startup', type: 0, bytes };
    }
    if (this.buffer.length < 5) return null;
    const length = 1 + this.buffer.readInt32BE(1);
    if (this.buffer.length < length) return null;
    const bytes = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return { kind: 'regular', type: bytes[0], bytes };
  }

  private async handle(message: { kind: string; type: number; bytes: Buffer }): Promise<void> {
    switch (message.kind) {
      case 'ssl':
        this.socket.write('N');
        return;
      case 'cancel':
        // Cancellation needs a second backend; PGlite has one session. Close as PostgreSQL does.
        this.socket.end();
        return;
      case 'startup':
        this.started = true;
        break;
      default:
        if (message.type === 0x58 /* X: Terminate */) {
          this.socket.end();
          void this.shutdown(); // runs cleanup after this task; awaiting here would wait on itself
          return;
        }
    }
    await this.lock.acquire(this);
    if (this.closed) return; // cleanup (queued by shutdown) releases the lock
    const response = await this.db.runExclusive(() => this.db.execProtocolRaw(new Uint8Array(message.bytes)));
    if (response.length > 0 && !this.socket.destroyed) this.socket.write(response);
    if (lastReadyStatus(response) === 'I') this.lock.release(this);
  }

  private cleanedUp = false;

  private async cleanup(): Promise<void> {
    if (this.cleanedUp) return;
    this.cleanedUp = true;
    this.lock.drop(this);
    if (this.lock.isOwner(this)) {
      try {
        // End any half-sent extended-protocol batch, then undo an open transaction.
        await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC_MESSAGE));
        if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
      } finally {
        this.lock.release(this);
      }
    }
    this.onGone(this);
  }
}

/** Status byte of the last ReadyForQuery ('Z') message in a backend response, if any. */
export function lastReadyStatus(response: Uint8Array): 'I' | 'T' | 'E' | null {
  let status: 'I' | 'T' | 'E' | null = null;
  const view = new DataView(response.buffer, response.byteOffset, response.byteLength);
  let offset = 0;
  while (offset + 5 <= response.length) {
    const type = response[offset];
    const length = view.getInt32(offset + 1);
    if (type === 0x5a && length === 5 && offset + 6 <= response.length) {
      status = String.fromCharCode(response[offset + 5]) as 'I' | 'T' | 'E';
    }
    offset += 1 + length;
  }
  return status;
}

export async function startWireServer(options: WireServerOptions): Promise<WireServer> {
  const { db, host = '127.0.0.1', port = 0, maxConnections = 100 } = options;
  await db.waitReady;
  const lock = new BackendLock();
  const connections = new Set<Connection>();
  const server: Server = createServer((socket) => {
    if (connections.size >= maxConnections) {
      socket.end(errorResponse('53300', `too many connections to the embedded database (max ${maxConnections})`));
      return;
    }
    const conn: Connection = new Connection(socket, db, lock, (gone) => connections.delete(gone));
    connections.add(conn);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('embedded database: server has no TCP address');
  return {
    port: address.port,
    host,
    connectionCount: () => connections.size,
    async close() {
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...connections].map((c) => c.shutdown()));
      await closing;
    },
  };
}

/** A FATAL ErrorResponse message (the client shows `message`). */
function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    Buffer.from('SFATAL\0'),
    Buffer.from(`C${code}\0`),
    Buffer.from(`M${message}\0`),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header[0] = 0x45;
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}

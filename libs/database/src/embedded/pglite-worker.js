// Child process that owns the embedded PostgreSQL (PGlite) and serves it over the PostgreSQL wire
// protocol on loopback, so the ordinary `pg` driver, TypeORM and the migrations run unchanged.
// Plain JavaScript on purpose: it is forked directly, from sources in tests and from dist/ in
// production. It exits when its parent disconnects, so it never outlives the service.
//
// One connection only: PGlite executes one query at a time and, with several connections, large
// messages from one can interleave with another's (wrong results were reproduced; ADR 0003).
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dataDir = process.env.EMBEDDED_PG_DATA_DIR ?? './data';
const inMemory = dataDir.startsWith('memory://');
const lockPath = inMemory ? undefined : join(resolve(dataDir), '.lock');
let lockHeld = false;

function send(message) {
  if (process.send) process.send(message);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

// PGlite has no data-directory lock of its own: two processes opening one directory corrupt it.
function acquireLock() {
  mkdirSync(resolve(dataDir), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      lockHeld = true;
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `DATA_DIR ${dataDir} is in use by process ${owner}; stop it or choose another DATA_DIR`,
          { cause: error },
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock DATA_DIR ${dataDir}`);
}

function releaseLock() {
  if (lockHeld && lockPath) {
    rmSync(lockPath, { force: true });
    lockHeld = false;
  }
}

/** How long a new connection waits for the previous one to be gone before it is closed. */
const CONNECTION_WAIT_MS = 30_000;

/**
 * One connection at a time, and a new one waits for the previous one to be gone instead of being
 * refused. pglite-socket refuses a connection while it still counts the previous one, and it
 * notices a close only some event-loop turns after the client has sent it: a pool that replaced
 * its connection (after an error) and connected again at once was refused, and the request that
 * needed it failed (503). Here the server lets a second socket in and holds it, unread, until the
 * first one's handler is gone; a third is refused by the listener.
 */
class OneAtATimeServer extends PGLiteSocketServer {
  constructor(options) {
    super({ ...options, maxConnections: 2 });
    this.waiting = Promise.resolve();
  }

  // Overrides the library's (TypeScript-private) method: checked at start-up below, so that an
  // update of @electric-sql/pglite-socket that renames it fails loudly instead of letting two
  // connections share the one PGlite session.
  handleConnection(socket) {
    socket.pause();
    const turn = this.waiting.then(() => this.whenIdle(socket));
    this.waiting = turn.catch(() => undefined);
    void turn.then((open) => {
      if (!open) return socket.destroy();
      // The library attaches its data listener synchronously; only then may the bytes flow.
      const handled = super.handleConnection(socket);
      socket.resume();
      return handled;
    });
  }

  async whenIdle(socket) {
    const deadline = Date.now() + CONNECTION_WAIT_MS;
    while (this.getStats().activeConnections > 0) {
      if (socket.destroyed || Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return !socket.destroyed;
  }
}

if (typeof PGLiteSocketServer.prototype.handleConnection !== 'function') {
  throw new Error(
    '@electric-sql/pglite-socket no longer has handleConnection: see OneAtATimeServer',
  );
}

let db;
let server;
let stopping = false;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  try {
    await server?.stop();
    await db?.close();
  } finally {
    releaseLock();
    process.exit(code);
  }
}

process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

try {
  if (!inMemory) acquireLock();
  db = inMemory ? new PGlite() : new PGlite(join(resolve(dataDir), 'pg'));
  await db.waitReady;
  server = new OneAtATimeServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  send({ type: 'ready', port });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  releaseLock();
  process.exit(1);
}

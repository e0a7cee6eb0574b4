import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./pglite-worker.js', import.meta.url));

type WorkerMessage = { type: 'ready'; port: number } | { type: 'error'; message: string };

export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(`Embedded PostgreSQL: ${message}`);
    this.name = 'EmbeddedPostgresError';
  }
}

/** A running embedded PostgreSQL: a child process serving PGlite on a loopback port. */
export class EmbeddedPostgres {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /**
   * Starts PGlite on `dataDir` (`memory://` for an in-memory database) in a child process.
   * The child locks the directory, so a second process on the same `dataDir` fails clearly.
   */
  static start(dataDir: string, timeoutMs = 60_000): Promise<EmbeddedPostgres> {
    const child = fork(WORKER, [], {
      env: { ...process.env, EMBEDDED_PG_DATA_DIR: dataDir },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    return new Promise<EmbeddedPostgres>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new EmbeddedPostgresError(`did not start within ${timeoutMs} ms`));
      }, timeoutMs);
      child.once('message', (message: WorkerMessage) => {
        clearTimeout(timer);
        if (message.type === 'ready') {
          resolve(
            new EmbeddedPostgres(child, `postgres://postgres@127.0.0.1:${message.port}/postgres`),
          );
        } else {
          reject(new EmbeddedPostgresError(message.message));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new EmbeddedPostgresError(`exited during start-up (code ${code ?? 'null'})`));
      });
    });
  }

  /** Stops the child (it closes PGlite and releases the lock) and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.disconnect();
    else this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

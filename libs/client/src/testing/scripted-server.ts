import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does with one request. */
export type Answer =
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string> }
  /** Closes the connection after reading the request: the caller gets no answer. */
  | 'drop'
  /** Never answers (until the server closes). */
  | 'hang';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP server on loopback that answers requests in the order scripted, for testing the
 * client's handling of answers the payments service gives only under faults. Records every
 * request it gets.
 */
export class ScriptedServer {
  readonly received: Received[] = [];
  private readonly answers: Answer[] = [];
  private readonly hanging: ServerResponse[] = [];
  private server: Server | undefined;
  url = '';

  /** Queues answers for the next requests; past the script, requests get 500 `unscripted`. */
  script(...answers: Answer[]): this {
    this.answers.push(...answers);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        this.answer(this.answers.shift(), res);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private answer(answer: Answer | undefined, res: ServerResponse): void {
    if (answer === 'drop') {
      res.socket?.destroy();
      return;
    }
    if (answer === 'hang') {
      this.hanging.push(res);
      return;
    }
    const { status, json, text, headers } = answer ?? { status: 500, text: 'unscripted' };
    const body = json !== undefined ? JSON.stringify(json) : (text ?? '');
    res.writeHead(status, {
      'content-type': json !== undefined ? 'application/json' : 'text/plain',
      ...headers,
    });
    res.end(body);
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.socket?.destroy();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** The API's error body (docs/design.md#internal-api). */
export function apiError(code: string, message = code, details?: unknown) {
  return {
    error: details === undefined ? { code, message } : { code, message, details },
    requestId: `req-${code}`,
  };
}

import type { FastifyInstance } from 'fastify';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Routes served only on MANAGEMENT_PORT when it is set. */
function isManagementRoute(route: string | undefined): boolean {
  return route === '/metrics' || (route?.startsWith('/health') ?? false);
}

/**
 * MANAGEMENT_PORT: a second HTTP server on the same Fastify instance (so the same routes,
 * hooks, filters and providers) that serves only /metrics and /health, which the public port
 * then answers 404. `serverFactory` hands Fastify the public server and keeps its request
 * handler for the management one.
 */
export class ManagementPort {
  private readonly requests = new WeakSet<IncomingMessage>();
  private server: Server | undefined;

  constructor(
    private readonly port: number,
    private readonly host: string,
  ) {}

  /** Fastify's `serverFactory` option. */
  readonly serverFactory = (handler: Handler): Server => {
    this.server = createServer((req, res) => {
      this.requests.add(req);
      handler(req, res);
    });
    return createServer(handler);
  };

  /** Splits the routes between the ports; listens and closes with the public server. */
  install(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, reply, done) => {
      const management = this.requests.has(request.raw);
      if (management === isManagementRoute(request.routeOptions.url)) {
        done();
        return;
      }
      void reply.code(404).send({
        error: {
          code: 'ROUTE_NOT_FOUND',
          message: `Route ${request.method} ${request.url.split('?')[0] ?? ''} not found`,
        },
        requestId: String(request.id),
      });
    });
    // Before the public port listens, so a port already taken fails the start-up.
    fastify.addHook('onReady', async () => {
      const server = this.server;
      if (!server) return;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.port, this.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    });
    fastify.addHook('onClose', async () => {
      const server = this.server;
      if (!server?.listening) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
  }
}

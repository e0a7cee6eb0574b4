import { createServer } from 'node:http';
import { verifyWebhook, WebhookVerificationError } from '@msp-direct/payments-client';

// The endpoint's signing secrets (`whsec_…`); during a rotation, the new and the old one.
const secrets = (process.env.PAYMENTS_WEBHOOK_SECRETS ?? '').split(' ').filter(Boolean);
const applied = new Set<string>(); // keep this in your database: delivery is at least once

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      // The raw bytes as received: a body parsed and serialized again no longer matches.
      const event = verifyWebhook(secrets, req.headers, Buffer.concat(chunks));
      if (!applied.has(event.id)) {
        applied.add(event.id);
        console.log(event.type, event.paymentId, event.sequence);
      }
      res.writeHead(204).end();
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      res.writeHead(400).end(error.reason);
    }
  });
}).listen(Number(process.env.PORT ?? 4100), '127.0.0.1');

// The read floor: `GET /v1/payments/:id` with nothing of ours around the database's work. A
// bare `node:http` server that runs the service's own read statement (the same columns, a named
// prepared statement) on a `pg` pool of the service's size and answers the payment as the API
// shows it. No Nest, no authentication, no validation, no logging: what any Node.js
// implementation has to pay for a read.
// Started by bench.mjs: PORT, DATABASE_URL and POOL_SIZE come from the environment.
import { createServer } from 'node:http';
import pg from 'pg';
// The service's own column list, from the build (`npm run bench` builds first), not a copy.
// eslint-disable-next-line no-restricted-imports -- plain JS on the built lib: no @app alias here
import { PAYMENT_COLUMNS } from '../dist/libs/payments/src/lifecycle/payment-row.js';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 20),
});
const select = {
  name: 'read-floor',
  text: `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1`,
};
const PREFIX = '/v1/payments/';

function view(row) {
  return {
    id: row.id,
    orderId: row.order_id,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    description: row.description,
    card: {
      brand: row.card_brand,
      last4: row.card_last4,
      expiryMonth: row.card_expiry_month,
      expiryYear: row.card_expiry_year,
    },
    nextAction: row.next_action,
    gateway: { transactionId: row.gateway_transaction_id, status: row.gateway_status },
    refundedAmount: row.refunded_amount,
    // Manual capture's columns, where the schema has them.
    capture:
      row.capture_mode === 'manual'
        ? {
            mode: 'manual',
            capturableAmount: row.status === 'authorized' ? row.amount - row.captured_amount : 0,
            capturedAmount: row.captured_amount,
            expiresAt: row.capture_expires_at?.toISOString() ?? null,
          }
        : null,
    savedCard:
      row.saved_card_id && row.recurring_model
        ? {
            id: row.saved_card_id,
            brand: row.card_brand,
            last4: row.card_last4,
            expiryMonth: row.card_expiry_month,
            expiryYear: row.card_expiry_year,
            model: row.recurring_model,
          }
        : null,
    metadata: row.metadata,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function read(id, res) {
  const { rows } = await pool.query({ ...select, values: [id] });
  const body = rows[0] ? JSON.stringify(view(rows[0])) : '{"error":{"code":"PAYMENT_NOT_FOUND"}}';
  res.writeHead(rows[0] ? 200 : 404, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

createServer((req, res) => {
  if (req.method === 'GET' && req.url?.startsWith(PREFIX)) {
    read(req.url.slice(PREFIX.length), res).catch(() => {
      if (res.headersSent) res.destroy();
      else res.writeHead(500).end();
    });
  } else if (req.url === '/health/ready') {
    res.writeHead(200).end('ready');
  } else {
    res.writeHead(404).end();
  }
}).listen(Number(process.env.PORT), '127.0.0.1');

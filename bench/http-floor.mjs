// The HTTP floor: the HTTP exchanges of one card payment with nothing of ours around them.
// A bare `node:http` server that takes `POST /v1/payments`, sends MultiSafepay's
// `POST /orders` to the sandbox over a kept-alive connection, parses the answer and replies
// 201, and answers the sandbox's notification with `OK`. No Nest, no validation, no database,
// no signature check, no logging: what any Node.js implementation has to pay for the transport.
// Started by bench.mjs: PORT, MSP_BASE_URL and MSP_API_KEY come from the environment.
import { Agent, createServer, request } from 'node:http';

const port = Number(process.env.PORT);
const base = new URL(process.env.MSP_BASE_URL ?? '');
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const notificationUrl = `http://127.0.0.1:${port}/webhooks/multisafepay`;

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function createOrder(body) {
  return new Promise((resolve, reject) => {
    const out = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path: `${base.pathname}/orders`,
        headers: {
          api_key: process.env.MSP_API_KEY,
          accept: 'application/json',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => readBody(res).then(resolve, reject),
    );
    out.on('error', reject);
    out.end(body);
  });
}

async function create(req, res) {
  const input = JSON.parse(await readBody(req));
  const card = input.card;
  const order = JSON.stringify({
    type: 'direct',
    gateway: 'CREDITCARD',
    order_id: input.orderId,
    currency: input.currency,
    amount: input.amount,
    description: input.description,
    payment_options: {
      notification_url: notificationUrl,
      notification_method: 'POST',
      close_window: false,
    },
    customer: { ip_address: input.customer.ipAddress, email: input.customer.email },
    gateway_info: {
      card_number: card.number,
      card_holder_name: card.holder,
      card_expiry_date: `${String(card.expiryYear % 100).padStart(2, '0')}${String(card.expiryMonth).padStart(2, '0')}`,
      card_cvc: card.cvc,
    },
  });
  const answer = JSON.parse(await createOrder(order));
  const data = answer.data ?? {};
  const now = new Date().toISOString();
  const payload = JSON.stringify({
    id: input.orderId,
    orderId: input.orderId,
    status: data.status === 'completed' ? 'completed' : 'declined',
    amount: input.amount,
    currency: input.currency,
    description: input.description,
    card: { brand: 'VISA', last4: card.number.slice(-4), expiryMonth: 12, expiryYear: 2030 },
    nextAction: null,
    refundedAmount: 0,
    gatewayTransactionId: String(data.transaction_id ?? ''),
    metadata: null,
    createdAt: now,
    updatedAt: now,
  });
  res.writeHead(answer.success ? 201 : 502, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/v1/payments') {
    create(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else res.writeHead(500).end();
    });
  } else if (req.method === 'POST' && req.url?.startsWith('/webhooks/multisafepay')) {
    readBody(req).then(
      () => res.writeHead(200, { 'content-type': 'text/plain' }).end('OK'),
      () => res.destroy(),
    );
  } else if (req.url === '/health/ready') {
    res.writeHead(200).end('ready');
  } else {
    res.writeHead(404).end();
  }
}).listen(port, '127.0.0.1');

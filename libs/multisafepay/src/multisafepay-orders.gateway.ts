import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import {
  GatewayOrderIdTakenError,
  GatewayOrderNotFoundError,
  GatewayRejectedError,
  GatewayTimeoutError,
  GatewayTokenNotFoundError,
  GatewayUnavailableError,
  OrdersGateway,
  PaymentsObserver,
  type CaptureRequest,
  type DirectCardOrderRequest,
  type GatewayCapture,
  type GatewayOrder,
  type GatewayRefund,
  type GatewayRelease,
  type GatewayToken,
  type RefundRequest,
  type ReleaseAuthorizationRequest,
  type TokenOrderRequest,
} from '@app/payments';
import { AxiosError, type AxiosResponse } from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { multisafepayConfig } from './multisafepay.config.js';
import {
  toCaptureBody,
  toDirectOrderBody,
  toReleaseBody,
  toTokenOrderBody,
} from './wire/order-request.js';
import {
  MspProtocolError,
  isObject,
  parseEnvelope,
  text,
  toGatewayOrder,
  type Json,
  type MspEnvelope,
} from './wire/order-parser.js';
import { toGatewayToken, toTokenPage } from './wire/token-parser.js';

const DECLINED = 1024;
const INVALID_ORDER_ID = 1006;
const NOT_FOUND = 1000;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Connection errors raised before any byte of the request could have reached MultiSafepay. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

type Operation =
  | 'create order'
  | 'create token order'
  | 'get order'
  | 'refund'
  | 'cancel order'
  | 'capture'
  | 'release authorization'
  | 'list tokens'
  | 'get token'
  | 'delete token';

/**
 * Calls whose request, once sent, may have been acted on: a connection that breaks before the
 * answer leaves their outcome unknown (GatewayTimeoutError), not merely failed.
 */
const ACTS: ReadonlySet<Operation> = new Set<Operation>([
  'create order',
  'create token order',
  'refund',
  'capture',
  'release authorization',
  'delete token',
]);

/** Token pages: MultiSafepay's default size, so it is surely honoured; the cap stops a runaway. */
const TOKEN_PAGE = 10;
const TOKEN_PAGES_MAX = 50;

/**
 * MultiSafepay's JSON API behind the OrdersGateway port. Bodies are parsed whatever the HTTP
 * status (docs/multisafepay.md#answers-and-errors); the decision is taken on `success`, then on `data.status`. Request
 * bodies (card data) never appear in errors or logs.
 */
@Injectable()
export class MultiSafepayOrdersGateway extends OrdersGateway {
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });

  constructor(
    private readonly http: HttpService,
    @Inject(multisafepayConfig.KEY) private readonly config: ConfigType<typeof multisafepayConfig>,
    @Optional() private readonly observer?: PaymentsObserver,
  ) {
    super();
  }

  async createDirectCardOrder(request: DirectCardOrderRequest): Promise<GatewayOrder> {
    const answer = await this.call('create order', 'POST', '/orders', toDirectOrderBody(request));
    const envelope = scrubbed(answer, request.card.number);
    if (!envelope.success && envelope.errorCode === DECLINED) return declined(request, envelope);
    if (!envelope.success && envelope.errorCode === INVALID_ORDER_ID) {
      throw orderIdTaken(request.orderId, envelope);
    }
    return this.order('create order', this.successful(envelope));
  }

  async createTokenOrder(request: TokenOrderRequest): Promise<GatewayOrder> {
    const envelope = await this.call(
      'create token order',
      'POST',
      '/orders',
      toTokenOrderBody(request),
    );
    if (!envelope.success && envelope.errorCode === DECLINED) {
      return declined(request, scrubbed(envelope, request.recurringId));
    }
    // No such token for the customer, or recurring not activated (docs/multisafepay.md#paying-with-a-token).
    if (!envelope.success && envelope.errorCode === NOT_FOUND) {
      throw new GatewayTokenNotFoundError(request.customerReference);
    }
    if (!envelope.success && envelope.errorCode === INVALID_ORDER_ID) {
      throw orderIdTaken(request.orderId, scrubbed(envelope, request.recurringId));
    }
    return this.order(
      'create token order',
      this.successful(scrubbed(envelope, request.recurringId)),
    );
  }

  async getOrder(orderId: string): Promise<GatewayOrder> {
    const envelope = await this.call('get order', 'GET', `/orders/${encodeURIComponent(orderId)}`);
    if (!envelope.success && envelope.errorCode === INVALID_ORDER_ID) {
      throw new GatewayOrderNotFoundError(orderId);
    }
    return this.order('get order', this.successful(envelope));
  }

  async refund(orderId: string, request: RefundRequest): Promise<GatewayRefund> {
    const body: Record<string, unknown> = { currency: request.currency, amount: request.amount };
    if (request.description) body.description = request.description;
    if (request.refundOrderId) body.refund_order_id = request.refundOrderId;
    const envelope = await this.call(
      'refund',
      'POST',
      `/orders/${encodeURIComponent(orderId)}/refunds`,
      body,
    );
    if (!envelope.success && envelope.errorCode === INVALID_ORDER_ID) {
      throw new GatewayOrderNotFoundError(orderId);
    }
    const data = this.successful(envelope);
    const fields = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
    const id = (value: Json | undefined): string | null =>
      value === undefined || value === null
        ? null
        : String(typeof value === 'object' ? (value as { value: string }).value : value);
    const transactionId = id((fields as Record<string, Json>).transaction_id);
    if (!transactionId) throw new GatewayUnavailableError('refund answer without transaction_id');
    return { transactionId, refundId: id((fields as Record<string, Json>).refund_id) };
  }

  async cancelOrder(orderId: string): Promise<void> {
    const envelope = await this.call(
      'cancel order',
      'PATCH',
      `/orders/${encodeURIComponent(orderId)}`,
      {
        status: 'cancelled',
        exclude_order: true,
      },
    );
    if (
      !envelope.success &&
      (envelope.errorCode === NOT_FOUND || envelope.errorCode === INVALID_ORDER_ID)
    ) {
      throw new GatewayOrderNotFoundError(orderId);
    }
    this.successful(envelope);
  }

  async captureOrder(orderId: string, request: CaptureRequest): Promise<GatewayCapture> {
    const envelope = await this.call(
      'capture',
      'POST',
      `/orders/${encodeURIComponent(orderId)}/capture`,
      toCaptureBody(request),
    );
    // 1006 stays a rejection: it may equally mean that new_order_id was used already.
    if (!envelope.success && envelope.errorCode === NOT_FOUND) {
      throw new GatewayOrderNotFoundError(orderId);
    }
    const data = this.successful(envelope);
    const fields = isObject(data) ? data : {};
    const transactionId = text(fields.transaction_id);
    // Full captures have answered with the original order id, partial ones with new_order_id
    // (docs/multisafepay.md#capturing): what came back is what a refund of this capture must name.
    const capturedOrderId = text(fields.order_id);
    if (transactionId === null || capturedOrderId === null) {
      throw new GatewayUnavailableError('capture answer without transaction_id or order_id');
    }
    return { transactionId, orderId: capturedOrderId };
  }

  async releaseAuthorization(
    orderId: string,
    request: ReleaseAuthorizationRequest,
  ): Promise<GatewayRelease> {
    const envelope = await this.call(
      'release authorization',
      'PATCH',
      `/capture/${encodeURIComponent(orderId)}`,
      toReleaseBody(request),
    );
    if (
      !envelope.success &&
      (envelope.errorCode === NOT_FOUND || envelope.errorCode === INVALID_ORDER_ID)
    ) {
      throw new GatewayOrderNotFoundError(orderId);
    }
    // `{}` (2022 docs) or `{transaction_id, order_id, success}` (current OpenAPI).
    const data = this.successful(envelope);
    const fields = isObject(data) ? data : {};
    if (fields.success === false) {
      throw new GatewayRejectedError(0, 'the authorization was not released');
    }
    return { transactionId: text(fields.transaction_id) };
  }

  async listTokens(customerReference: string): Promise<GatewayToken[]> {
    const base = `/recurring/${encodeURIComponent(customerReference)}`;
    const found = new Map<string, GatewayToken>();
    for (let page = 0; page < TOKEN_PAGES_MAX; page++) {
      const envelope = await this.call(
        'list tokens',
        'GET',
        `${base}?limit=${TOKEN_PAGE}&offset=${page * TOKEN_PAGE}`,
      );
      // MultiSafepay answers "Not found" rather than an empty list (docs/multisafepay.md#token-endpoints).
      if (!envelope.success && envelope.errorCode === NOT_FOUND) break;
      const { entries, tokens } = toTokenPage(this.successful(envelope));
      const before = found.size;
      for (const token of tokens) if (!found.has(token.token)) found.set(token.token, token);
      // A short page is the last; a page with nothing new means offset was not honoured.
      if (entries < TOKEN_PAGE || found.size === before) break;
    }
    return [...found.values()];
  }

  async getToken(customerReference: string, token: string): Promise<GatewayToken> {
    const envelope = await this.call(
      'get token',
      'GET',
      `/recurring/${encodeURIComponent(customerReference)}/token/${encodeURIComponent(token)}`,
    );
    if (!envelope.success && envelope.errorCode === NOT_FOUND) {
      throw new GatewayTokenNotFoundError(customerReference);
    }
    const found = toGatewayToken(this.successful(scrubbed(envelope, token)), token);
    if (!found) throw new GatewayUnavailableError('get token: the answer is not a token');
    return found;
  }

  async deleteToken(customerReference: string, token: string): Promise<void> {
    const envelope = await this.call(
      'delete token',
      'DELETE',
      `/recurring/${encodeURIComponent(customerReference)}/remove/${encodeURIComponent(token)}`,
    );
    // A repeat delete answers 1000: the token is gone, which is what the caller wants.
    if (!envelope.success && envelope.errorCode === NOT_FOUND) return;
    const data = this.successful(scrubbed(envelope, token));
    if (isObject(data) && data.removed === false) {
      throw new GatewayRejectedError(0, 'the token was not removed');
    }
  }

  private successful(envelope: MspEnvelope): Json {
    if (envelope.success) return envelope.data;
    throw new GatewayRejectedError(
      envelope.errorCode ?? 0,
      envelope.errorInfo ?? 'unspecified error',
    );
  }

  private order(operation: Operation, data: Json): GatewayOrder {
    try {
      return toGatewayOrder(data);
    } catch (error) {
      if (error instanceof MspProtocolError) {
        throw new GatewayUnavailableError(`${operation}: ${error.message}`);
      }
      throw error;
    }
  }

  /** One HTTP call, measured: latency and outcome per operation. */
  private async call(
    operation: Operation,
    method: Method,
    path: string,
    body?: unknown,
  ): Promise<MspEnvelope> {
    const started = performance.now();
    try {
      const envelope = await this.send(operation, method, path, body);
      const outcome = envelope.success ? 'ok' : `msp_${envelope.errorCode ?? 'error'}`;
      this.observer?.gatewayCall(operation, (performance.now() - started) / 1000, outcome);
      return envelope;
    } catch (error) {
      const outcome =
        error instanceof GatewayTimeoutError || error instanceof GatewayUnavailableError
          ? error.code
          : 'error';
      this.observer?.gatewayCall(operation, (performance.now() - started) / 1000, outcome);
      throw error;
    }
  }

  private async send(
    operation: Operation,
    method: Method,
    path: string,
    body?: unknown,
  ): Promise<MspEnvelope> {
    let response: AxiosResponse<string>;
    try {
      response = await this.http.axiosRef.request<string>({
        method,
        url: `${this.config.baseUrl}${path}`,
        data: body === undefined ? undefined : JSON.stringify(body),
        headers: {
          api_key: this.config.apiKey,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        timeout: this.config.timeoutMs,
        responseType: 'text',
        transformResponse: [(raw: string) => raw],
        validateStatus: () => true,
        maxRedirects: 0,
        httpAgent: this.httpAgent,
        httpsAgent: this.httpsAgent,
        transitional: { clarifyTimeoutError: true },
      });
    } catch (error) {
      throw this.transportError(operation, error);
    }
    if (response.status >= 500) {
      throw new GatewayUnavailableError(`${operation}: HTTP ${response.status}`);
    }
    try {
      return parseEnvelope(response.data);
    } catch (error) {
      if (error instanceof MspProtocolError) {
        throw new GatewayUnavailableError(
          `${operation}: HTTP ${response.status}, ${error.message}`,
        );
      }
      throw error;
    }
  }

  /** Never wraps the axios error itself: its config holds the request body (card data). */
  private transportError(operation: Operation, error: unknown): Error {
    const code = error instanceof AxiosError ? (error.code ?? '') : '';
    if (NOT_SENT.has(code)) return new GatewayUnavailableError(`${operation}: ${code}`);
    if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
      return new GatewayTimeoutError(operation, this.config.timeoutMs);
    }
    // The connection broke after the request went out: MultiSafepay may have acted on it.
    if (ACTS.has(operation)) {
      return new GatewayTimeoutError(operation, this.config.timeoutMs);
    }
    return new GatewayUnavailableError(`${operation}: ${code || 'connection failed'}`);
  }
}

function orderIdTaken(orderId: string, envelope: MspEnvelope): GatewayOrderIdTakenError {
  return new GatewayOrderIdTakenError(
    orderId,
    envelope.errorCode ?? INVALID_ORDER_ID,
    envelope.errorInfo ?? 'unspecified error',
  );
}

/** The second decline shape (docs/multisafepay.md#declined): no transaction, a declined payment all the same. */
function declined(
  request: Pick<DirectCardOrderRequest, 'orderId' | 'amount' | 'currency'>,
  envelope: MspEnvelope,
): GatewayOrder {
  return {
    orderId: request.orderId,
    transactionId: null,
    status: 'declined',
    financialStatus: 'declined',
    amount: request.amount,
    amountRefunded: 0,
    currency: request.currency,
    reason: envelope.errorInfo ?? 'Transaction declined',
    reasonCode: String(DECLINED),
    card: null,
    paymentUrl: null,
    customerVerification: null,
    relatedTransactions: [],
    capture: null,
    recurring: null,
  };
}

/**
 * The envelope with a secret we sent (a token, a card number) blanked out of MultiSafepay's
 * text, which goes into errors: should MultiSafepay ever echo it, it stops here.
 */
function scrubbed(envelope: MspEnvelope, secret: string): MspEnvelope {
  if (envelope.errorInfo === null || secret === '' || !envelope.errorInfo.includes(secret)) {
    return envelope;
  }
  return { ...envelope, errorInfo: envelope.errorInfo.replaceAll(secret, '[redacted]') };
}

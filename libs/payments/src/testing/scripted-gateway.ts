import { OrdersGateway, type GatewayOrder } from '../gateway/orders.gateway.js';

type Port = Omit<OrdersGateway, never>;
type Method = keyof Port;
type Handler<M extends Method> = Port[M];

/**
 * MultiSafepay's side of the gateway port, as a unit spec scripts it: each method answers with
 * the handler the spec set (`on`), and every call is recorded (`calls`). A call nobody scripted
 * fails loudly, so a spec sees every call the domain makes.
 */
export class ScriptedGateway extends OrdersGateway {
  readonly calls: { method: Method; args: unknown[] }[] = [];
  private readonly handlers = new Map<Method, (...args: never[]) => unknown>();

  on<M extends Method>(method: M, handler: Handler<M>): this {
    this.handlers.set(method, handler);
    return this;
  }

  /** The calls of one method, their arguments. */
  callsOf(method: Method): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private async call<T>(method: Method, args: unknown[]): Promise<T> {
    this.calls.push({ method, args });
    const handler = this.handlers.get(method);
    if (!handler) throw new Error(`unscripted gateway call: ${method}`);
    return (handler as (...a: unknown[]) => T | Promise<T>)(...args);
  }

  createDirectCardOrder(...args: Parameters<Port['createDirectCardOrder']>) {
    return this.call<GatewayOrder>('createDirectCardOrder', args);
  }
  getOrder(...args: Parameters<Port['getOrder']>) {
    return this.call<GatewayOrder>('getOrder', args);
  }
  refund(...args: Parameters<Port['refund']>) {
    return this.call<Awaited<ReturnType<Port['refund']>>>('refund', args);
  }
  cancelOrder(...args: Parameters<Port['cancelOrder']>) {
    return this.call<void>('cancelOrder', args);
  }
  createTokenOrder(...args: Parameters<Port['createTokenOrder']>) {
    return this.call<GatewayOrder>('createTokenOrder', args);
  }
  captureOrder(...args: Parameters<Port['captureOrder']>) {
    return this.call<Awaited<ReturnType<Port['captureOrder']>>>('captureOrder', args);
  }
  releaseAuthorization(...args: Parameters<Port['releaseAuthorization']>) {
    return this.call<Awaited<ReturnType<Port['releaseAuthorization']>>>(
      'releaseAuthorization',
      args,
    );
  }
  listTokens(...args: Parameters<Port['listTokens']>) {
    return this.call<Awaited<ReturnType<Port['listTokens']>>>('listTokens', args);
  }
  getToken(...args: Parameters<Port['getToken']>) {
    return this.call<Awaited<ReturnType<Port['getToken']>>>('getToken', args);
  }
  deleteToken(...args: Parameters<Port['deleteToken']>) {
    return this.call<void>('deleteToken', args);
  }
}

/** An order as MultiSafepay would report it, with `overrides`. */
export function gatewayOrder(overrides: Partial<GatewayOrder> & { orderId: string }): GatewayOrder {
  return {
    transactionId: null,
    status: 'initialized',
    financialStatus: null,
    amount: 1000,
    amountRefunded: 0,
    currency: 'EUR',
    reason: null,
    reasonCode: null,
    card: null,
    paymentUrl: null,
    customerVerification: null,
    relatedTransactions: [],
    capture: null,
    recurring: null,
    ...overrides,
  };
}

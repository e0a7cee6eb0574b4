import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { escapeHtml, type Order } from './order.js';
import { ApprovalsService } from './approvals.service.js';
import { OrderStore } from './order-store.service.js';
import { MSP_SANDBOX_OPTIONS, type ResolvedSandboxOptions } from './sandbox.options.js';

export type ThreeDsResult = 'success' | 'failure' | 'cancel';

/**
 * 3-D Secure sessions (docs/sandbox.md#the-3-d-secure-page): `payment_url` and `customer_verification` for an order
 * awaiting the shopper, the shopper's choice, and the order's expiry when nobody chooses.
 */
@Injectable()
export class ThreeDsService {
  private readonly sessions = new Map<string, Order>();

  constructor(
    @Inject(MSP_SANDBOX_OPTIONS) private readonly options: ResolvedSandboxOptions,
    private readonly store: OrderStore,
    private readonly approvals: ApprovalsService,
  ) {
    store.onEvict((order) => {
      if (order.session) this.sessions.delete(order.session);
    });
  }

  /** Opens a session for an `initialized` order; returns the create answer's extra fields. */
  start(order: Order): Record<string, unknown> {
    const session = `3ds-${randomBytes(16).toString('hex')}`;
    order.session = session;
    this.sessions.set(session, order);
    order.reason = '3D Secure Authorization';
    order.reasonCode = '';
    const url = this.paymentUrl(session);
    this.store.schedule(order, 'expire', this.options.expireAfterMs, () => {
      if (order.session) this.sessions.delete(order.session);
      order.session = null;
      if (order.status === 'initialized')
        this.store.setStatus(order, 'expired', 'expired', 'Expired', '');
    });
    return {
      payment_url: url,
      customer_verification: { type: 'form', html: this.verificationForm(url, order) },
      cancel_url: order.cancelUrl,
    };
  }

  session(session: string): Order | undefined {
    return this.sessions.get(session);
  }

  /** The shopper's choice on the 3-D Secure page; returns where to send the browser. */
  complete(session: string, result: ThreeDsResult): string | null {
    const order = this.sessions.get(session);
    if (!order) return null;
    this.sessions.delete(session);
    order.session = null;
    this.store.clearTimer(order, 'expire');
    if (order.status === 'initialized') {
      if (result === 'success') {
        order.authentication = 'Y';
        this.approvals.approve(order, 'Successful approval/completion');
      } else if (result === 'failure') {
        order.authentication = 'N';
        this.store.setStatus(
          order,
          'declined',
          'declined',
          '3DS Authentication Failed / Card authentication failed',
          '3001',
        );
      } else {
        this.store.setStatus(order, 'void', 'void', 'Cancelled by the shopper', '');
      }
    }
    const target =
      order.status === 'completed' ? order.redirectUrl : (order.cancelUrl ?? order.redirectUrl);
    if (!target) return null;
    return `${target}${target.includes('?') ? '&' : '?'}transactionid=${encodeURIComponent(order.orderId)}`;
  }

  paymentUrl(session: string): string {
    const prefix = this.options.routePrefix ? `/${this.options.routePrefix}` : '';
    const base = this.options.publicBaseUrl.endsWith(prefix)
      ? this.options.publicBaseUrl
      : `${this.options.publicBaseUrl}${prefix}`;
    return `${base}/connect/${session}?lang=nl_NL`;
  }

  reset(): void {
    this.sessions.clear();
  }

  private verificationForm(url: string, order: Order): string {
    const md = Buffer.from(order.orderId).toString('base64');
    return [
      '<html><head><title>3D Secure</title></head>',
      '<body onload="document.forms[0].submit()">',
      `<form method="post" action="${escapeHtml(url)}">`,
      `<input type="hidden" name="PaReq" value="${Buffer.from(`sandbox:${order.transactionId}`).toString('base64')}">`,
      `<input type="hidden" name="MD" value="${md}">`,
      `<input type="hidden" name="TermUrl" value="${escapeHtml(url)}">`,
      '<noscript><button type="submit">Proceed</button></noscript>',
      '</form></body></html>',
    ].join('');
  }
}

import { Injectable } from '@nestjs/common';
import { CapturesService } from './captures.service.js';
import type { Order } from './order.js';
import { OrderStore } from './order-store.service.js';
import { TokensService } from './tokens.service.js';

/**
 * What happens when the card is approved, however it got there (at once, after 3-D Secure, after
 * a review): a first payment gets its token, then the order is paid, or only authorized.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly store: OrderStore,
    private readonly captures: CapturesService,
    private readonly tokens: TokensService,
  ) {}

  approve(order: Order, reason: string): void {
    // Before the status moves, so the notification already carries recurring_id.
    this.tokens.issue(order);
    if (order.authorization) this.captures.authorize(order, reason);
    else this.store.setStatus(order, 'completed', 'completed', reason, '');
  }
}

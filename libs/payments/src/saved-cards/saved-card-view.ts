import type { SavedCardEntity, SavedCardStatus } from '../entities/saved-card.entity.js';
import type { RecurringModel } from '../gateway/orders.gateway.js';

/** The saved card resource (docs/design.md#saved-cards). Never the token, not even encrypted. */
export interface SavedCardView {
  id: string;
  customerReference: string;
  brand: string | null;
  last4: string | null;
  expiryMonth: number | null;
  expiryYear: number | null;
  model: RecurringModel;
  status: SavedCardStatus;
  paymentId: string | null;
  createdAt: string;
  deletedAt: string | null;
}

export function toSavedCardView(c: SavedCardEntity): SavedCardView {
  return {
    id: c.id,
    customerReference: c.customerReference,
    brand: c.brand,
    last4: c.last4,
    expiryMonth: c.expiryMonth,
    expiryYear: c.expiryYear,
    model: c.model,
    status: c.status,
    paymentId: c.paymentId,
    createdAt: c.createdAt.toISOString(),
    deletedAt: c.deletedAt?.toISOString() ?? null,
  };
}

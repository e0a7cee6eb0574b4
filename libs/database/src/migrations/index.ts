// Every migration, in order. `npm run migration:generate -- <Name>` appends new ones here.
import { PaymentSearch1795990000000 } from './1795990000000-payment-search.js';
import { SavedCards1795904444395 } from './1795904444395-saved-cards.js';
import { ManualCapture1795897672764 } from './1795897672764-manual-capture.js';
import { Events1795890891806 } from './1795890891806-events.js';
import { WebhookEdgeRetention1795891189164 } from './1795891189164-webhook-edge-retention.js';
import { Refunds1795535621389 } from './1795535621389-refunds.js';
import { Notifications1795533098308 } from './1795533098308-notifications.js';
import { PaymentsIdempotency1795532747808 } from './1795532747808-payments-idempotency.js';
import { Initial1795532165386 } from './1795532165386-initial.js';
export const MIGRATIONS = [
  Initial1795532165386,
  PaymentsIdempotency1795532747808,
  Notifications1795533098308,
  Refunds1795535621389,
  Events1795890891806,
  WebhookEdgeRetention1795891189164,
  ManualCapture1795897672764,
  SavedCards1795904444395,
  PaymentSearch1795990000000,
];

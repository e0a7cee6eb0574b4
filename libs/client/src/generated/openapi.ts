/**
 * Generated from openapi.json by openapi-typescript (`npm run client:generate`). Do not edit:
 * a test fails when this file and openapi.json disagree.
 */

export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers HTTP */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers within 2 s */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (expose to your scraper only, not publicly) */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling API key's name and scopes
         * @description Never the secret. Any valid key may ask; no scope is needed.
         */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List payments, newest first (cursor pagination) */
        get: operations["PaymentsController_list"];
        put?: never;
        /**
         * Create a direct card payment
         * @description Creates a `direct` CREDITCARD order at MultiSafepay. 3-D Secure: `status: initialized` and `nextAction` (redirect the shopper to `nextAction.url`, or render `nextAction.form.html`). Without 3-D Secure the final status is in the answer and `nextAction` is null. A declined card is `201` with `status: declined`. Replays with the same Idempotency-Key and body return the same answer (header `Idempotent-Replayed: true`). Saved cards: add `recurring: {model, customerReference}` beside `card` to save it (`savedCard` appears once MultiSafepay keeps it); later pay with `savedCardId` and `recurring` instead of `card`: no CVC, no 3-D Secure, final at once.
         */
        post: operations["PaymentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One payment */
        get: operations["PaymentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The payment's lifecycle history, oldest first (anomalies included) */
        get: operations["PaymentsController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The notifications received about the payment (and its captures' orders), oldest first
         * @description Each as recorded on arrival: GET or POST, the signature verdict, and what came of it. Kept NOTIFICATIONS_RETENTION_DAYS; the latest 500 are listed.
         */
        get: operations["PaymentsController_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-read the order from MultiSafepay now and apply it */
        post: operations["PaymentsController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The payment's refunds, oldest first */
        get: operations["PaymentsController_listRefunds"];
        put?: never;
        /**
         * Refund all or part of a payment
         * @description Through MultiSafepay's refund endpoint. Without `amount`, everything that remains. The payment becomes `partial_refunded` or `refunded` as MultiSafepay reports it. Replays with the same Idempotency-Key return the same refund.
         */
        post: operations["PaymentsController_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}/captures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The payment's captures, oldest first */
        get: operations["PaymentsController_listCaptures"];
        put?: never;
        /**
         * Capture all or part of an authorized payment
         * @description For payments created with `captureMode: manual` and now `authorized`. Without `amount`, everything still capturable. A full capture makes the payment `completed`; after a partial one it stays `authorized` with less capturable (capture again, or release the rest with POST /v1/payments/{id}/cancel). Concurrent captures never take more than was authorized. Replays with the same Idempotency-Key return the same capture; after GATEWAY_TIMEOUT a retry with the same key settles it without capturing twice.
         */
        post: operations["PaymentsController_capture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a payment still awaiting the shopper, or release an authorization
         * @description `initialized` or `uncleared` payments are cancelled (MultiSafepay: PATCH /orders/{id}): `void`. An `authorized` one (manual capture) has what is left of its authorization released (PATCH /capture/{id}): `void` if nothing was captured, `completed` otherwise.
         */
        post: operations["PaymentsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{reference}/saved-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's saved cards
         * @description Cards saved by first payments with `recurring`, newest first; deleted ones are left out. Never the token: it stays in the service, encrypted.
         */
        get: operations["SavedCardsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{reference}/saved-cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a saved card
         * @description Deletes the token at MultiSafepay, then marks the card deleted (its encrypted token is wiped). A payment with it is then refused with 409 SAVED_CARD_DELETED. Deleting it again answers the deleted card.
         */
        delete: operations["SavedCardsController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/multisafepay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET notification: re-reads the order from MultiSafepay and applies it */
        get: operations["WebhooksController_get"];
        put?: never;
        /** POST notification: the order as JSON, signed in the Auth header */
        post: operations["WebhooksController_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event feed, oldest first
         * @description Page with `after` = the previous `nextCursor`. The feed follows the writing transactions: an event whose transaction commits late is never skipped by a reader that is already past a later one. Per payment, keep the highest `sequence` applied. Poll again with the last `nextCursor` to get what happened since. Delivered events are kept EVENTS_RETENTION_DAYS.
         */
        get: operations["EventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One event */
        get: operations["EventsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event's deliveries: one per webhook endpoint and RabbitMQ, with attempts
         * @description Oldest first. Each has its status, attempts and last error, and its attempt log. An event no destination subscribed to has none.
         */
        get: operations["EventsController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an event again
         * @description To one endpoint, or to every enabled endpoint subscribed to its type (and RabbitMQ when configured). The delivery starts a new retry schedule.
         */
        post: operations["EventsController_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every webhook endpoint (secrets are never shown again) */
        get: operations["WebhookEndpointsController_list"];
        put?: never;
        /**
         * Subscribe a URL to events
         * @description Deliveries are signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the `secret` returned here, and only here. A 2xx within 10 s counts as delivered; anything else (redirects included) is retried with jittered backoff (about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), then marked failed. An endpoint failing for 5 days is disabled.
         */
        post: operations["WebhookEndpointsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint */
        get: operations["WebhookEndpointsController_get"];
        put?: never;
        post?: never;
        /** Unsubscribe: its pending deliveries are dropped */
        delete: operations["WebhookEndpointsController_remove"];
        options?: never;
        head?: never;
        /** Change the URL, event types or description; disable or re-enable */
        patch: operations["WebhookEndpointsController_update"];
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the signing secret
         * @description Returns the new secret (shown only now). For 24 h deliveries carry two signatures, one with each secret, so receivers can switch without missing an event.
         */
        post: operations["WebhookEndpointsController_rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's deliveries, newest first, each with its attempts */
        get: operations["WebhookEndpointsController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        MeResponseDto: {
            /**
             * @description The name of the API key (API_KEYS)
             * @example support
             */
            name: string;
            /**
             * @description What the key may do. `admin` includes every other scope, and the list then names them all.
             * @example [
             *       "payments:read",
             *       "events:read"
             *     ]
             */
            scopes: ("payments:read" | "payments:write" | "refunds:write" | "events:read" | "events:admin" | "admin")[];
        };
        ErrorDetailDto: {
            /**
             * @description Stable machine-readable code
             * @example VALIDATION_FAILED
             */
            code: string;
            /** @example Invalid request: amount must be a positive integer (minor units) */
            message: string;
            /**
             * @description Per-field problems for VALIDATION_FAILED; gateway code and text for GATEWAY_REJECTED
             * @example [
             *       {
             *         "field": "amount",
             *         "messages": [
             *           "must be a positive integer (minor units)"
             *         ]
             *       }
             *     ]
             */
            details?: Record<string, unknown>;
        };
        ErrorResponseDto: {
            error: components["schemas"]["ErrorDetailDto"];
            /** @example 0f8e5c1e-9d1b-4a53-b0e1-3f8f0f5b2c11 */
            requestId: string;
        };
        CardDto: {
            /**
             * @description PAN; never stored, logged or returned
             * @example 4111111111111111
             */
            number: string;
            /** @example J. Jansen */
            holder: string;
            /** @example 12 */
            expiryMonth: number;
            /**
             * @description Four digits; with expiryMonth not in the past
             * @example 2030
             */
            expiryYear: number;
            /**
             * @description 3–4 digits; required except for Maestro
             * @example 123
             */
            cvc?: string;
        };
        BrowserDto: {
            /** @example true */
            javascriptEnabled?: boolean;
            /** @example false */
            javaEnabled?: boolean;
            /** @example true */
            cookiesEnabled?: boolean;
            /** @example nl-NL */
            language?: string;
            /** @example 24 */
            screenColorDepth?: number;
            /** @example 1080 */
            screenHeight?: number;
            /** @example 1920 */
            screenWidth?: number;
            /**
             * @description Date.getTimezoneOffset(), minutes
             * @example -60
             */
            timeZone?: number;
            userAgent?: string;
            /** @example Linux x86_64 */
            platform?: string;
        };
        CustomerDto: {
            /** @example j@example.com */
            email: string;
            /**
             * @description The shopper's IP (required for card fraud checks)
             * @example 203.0.113.7
             */
            ipAddress: string;
            /** @example 198.51.100.2 */
            forwardedIp?: string;
            /** @example Jan */
            firstName?: string;
            /** @example Jansen */
            lastName?: string;
            /** @example nl_NL */
            locale?: string;
            userAgent?: string;
            /** @example 0208500500 */
            phone?: string;
            address1?: string;
            houseNumber?: string;
            zipCode?: string;
            city?: string;
            /** @example NL */
            country?: string;
            /** @description Your customer id */
            reference?: string;
            /** @description 3-D Secure 2 device data, passed through */
            browser?: components["schemas"]["BrowserDto"];
        };
        RecurringDto: {
            /**
             * @description `cardOnFile`: the shopper pays again with one click; `subscription`: charges on a fixed schedule; `unscheduled`: charges you start when something happens (e.g. a top-up). A later payment with the saved card names the same model
             * @example cardOnFile
             * @enum {string}
             */
            model: "cardOnFile" | "subscription" | "unscheduled";
            /**
             * @description Your customer id (1–50 of [A-Za-z0-9._:@-]): the card is saved under it, and only it can pay with the card
             * @example cust-42
             */
            customerReference: string;
        };
        CreatePaymentDto: {
            /**
             * @description Your order id: unique, 1–50 of [A-Za-z0-9._:-]
             * @example shop-1234
             */
            orderId: string;
            /**
             * @description Integer minor units (EUR 10.00 = 1000)
             * @example 1000
             */
            amount: number;
            /**
             * @description ISO-4217 code, upper case
             * @example EUR
             */
            currency: string;
            /**
             * @description Shown on the statement; 1–200 characters
             * @example Order #1234
             */
            description: string;
            /** @description Required unless `savedCardId` is given */
            card?: components["schemas"]["CardDto"];
            /** @description Required with `card`; optional with `savedCardId` (no shopper present) */
            customer?: components["schemas"]["CustomerDto"];
            /** @description With `card`: save the card for later payments; once MultiSafepay keeps it, the payment shows `savedCard`. With `savedCardId`: required, naming the card's customer and model */
            recurring?: components["schemas"]["RecurringDto"];
            /**
             * @description Pay with a saved card instead of `card`: no card data, no CVC, no 3-D Secure; the answer is final (`completed` or `declined`). `recurring.customerReference` must be the card's customer
             * @example card_4qkxw6d2nbm5tq3zjv7c2rrh5e
             */
            savedCardId?: string;
            /** @example https://shop.example/thanks */
            redirectUrl?: string;
            /** @example https://shop.example/cancel */
            cancelUrl?: string;
            /**
             * @description `manual`: authorize now, capture later (Visa, Mastercard, Maestro). The payment becomes `authorized`; take the money with POST /v1/payments/{id}/captures, release the rest with POST /v1/payments/{id}/cancel
             * @default automatic
             * @enum {string}
             */
            captureMode?: "automatic" | "manual";
            /**
             * @description Default: MSP_NOTIFICATION_METHOD
             * @enum {string}
             */
            notificationMethod?: "GET" | "POST";
            /**
             * @example {
             *       "cartId": "c-9"
             *     }
             */
            metadata?: Record<string, unknown>;
        };
        CardSummaryDto: {
            /** @example VISA */
            brand: string | null;
            /** @example 1111 */
            last4: string | null;
            /** @example 12 */
            expiryMonth: number | null;
            /** @example 2030 */
            expiryYear: number | null;
        };
        NextActionFormDto: {
            /** @description MultiSafepay's customer_verification.html: render it to the shopper */
            html: string;
        };
        NextActionDto: {
            /** @enum {string} */
            type: "redirect";
            /**
             * @description MultiSafepay's payment_url: redirect the shopper here (recommended)
             * @example http://127.0.0.1:3000/sandbox/connect/3ds-…/
             */
            url: string | null;
            form?: components["schemas"]["NextActionFormDto"] | null;
        };
        GatewayInfoDto: {
            /**
             * @description MultiSafepay's transaction id, as a string (it exceeds 2^53)
             * @example 9007199254741993
             */
            transactionId: string | null;
            /** @example initialized */
            status: string | null;
        };
        CaptureSummaryDto: {
            /** @enum {string} */
            mode: "manual";
            /**
             * @description Minor units that can still be captured; 0 once captured in full, released or expired
             * @example 400
             */
            capturableAmount: number;
            /**
             * @description Minor units captured so far; refunds apply to this
             * @example 600
             */
            capturedAmount: number;
            /**
             * @description When the authorization lapses (Visa 7 days, Mastercard and Maestro 30); null until authorized
             * @example 2026-12-05T14:00:00.000Z
             */
            expiresAt: string | null;
        };
        PaymentSavedCardDto: {
            /** @example card_4qkxw6d2nbm5tq3zjv7c2rrh5e */
            id: string;
            /** @example VISA */
            brand: string | null;
            /** @example 3335 */
            last4: string | null;
            /** @example 12 */
            expiryMonth: number | null;
            /** @example 2030 */
            expiryYear: number | null;
            /**
             * @example cardOnFile
             * @enum {string}
             */
            model: "cardOnFile" | "subscription" | "unscheduled";
        };
        PaymentResponseDto: {
            /** @example 6f1c2a4e-8d0b-4f3a-9f51-0c1d2e3f4a5b */
            id: string;
            /** @example shop-1234 */
            orderId: string;
            /**
             * @example initialized
             * @enum {string}
             */
            status: "created" | "unknown" | "initialized" | "uncleared" | "authorized" | "reserved" | "completed" | "declined" | "cancelled" | "void" | "expired" | "refunded" | "partial_refunded" | "chargedback";
            /** @example 1000 */
            amount: number;
            /** @example EUR */
            currency: string;
            /** @example Order #1234 */
            description: string;
            card: components["schemas"]["CardSummaryDto"];
            /** @description What the shopper must do for 3-D Secure; null when nothing is needed */
            nextAction: components["schemas"]["NextActionDto"] | null;
            gateway: components["schemas"]["GatewayInfoDto"];
            /** @example 0 */
            refundedAmount: number;
            /** @description Manual capture (captureMode manual); null for automatic capture */
            capture: components["schemas"]["CaptureSummaryDto"] | null;
            /** @description The card this payment saved (with `recurring`, once MultiSafepay kept it) or paid with (`savedCardId`); null otherwise */
            savedCard: components["schemas"]["PaymentSavedCardDto"] | null;
            /**
             * @example {
             *       "cartId": "c-9"
             *     }
             */
            metadata: Record<string, unknown> | null;
            /** @example 2026-11-24T14:00:00.000Z */
            createdAt: string;
            /** @example 2026-11-24T14:00:01.000Z */
            updatedAt: string;
        };
        PaymentListResponseDto: {
            data: components["schemas"]["PaymentResponseDto"][];
            /** @description Pass as cursor for the next page */
            nextCursor: string | null;
        };
        PaymentEventDto: {
            /**
             * @example created
             * @enum {string|null}
             */
            from: "created" | "unknown" | "initialized" | "uncleared" | "authorized" | "reserved" | "completed" | "declined" | "cancelled" | "void" | "expired" | "refunded" | "partial_refunded" | "chargedback" | null;
            /**
             * @example initialized
             * @enum {string}
             */
            to: "created" | "unknown" | "initialized" | "uncleared" | "authorized" | "reserved" | "completed" | "declined" | "cancelled" | "void" | "expired" | "refunded" | "partial_refunded" | "chargedback";
            /**
             * @example api
             * @enum {string}
             */
            source: "api" | "notification" | "refresh" | "reconciler";
            /**
             * @description An illegal move that was recorded, not applied
             * @example false
             */
            anomaly: boolean;
            note: string | null;
            /** @description SHA-256 of the gateway payload */
            gatewayPayloadDigest: string | null;
            /** @example 2026-11-24T14:00:01.000Z */
            at: string;
        };
        PaymentEventListResponseDto: {
            data: components["schemas"]["PaymentEventDto"][];
        };
        PaymentNotificationDto: {
            /** @example 8d2f0c4e-1b3a-4c5d-9e7f-0a1b2c3d4e5f */
            id: string;
            /** @example 2026-11-24T14:00:02.000Z */
            receivedAt: string;
            /**
             * @example POST
             * @enum {string}
             */
            method: "GET" | "POST";
            /** @description The order id it named: the payment's, or one of its captures' */
            orderId: string | null;
            /** @description POST: whether the signature verified; null for GET (unsigned) */
            signatureOk: boolean | null;
            /**
             * @description applied: it moved the payment; noop: nothing new; anomaly: an illegal move, recorded; bad_signature, invalid: refused; coalesced: answered by a read already under way; failed: the re-read failed (MultiSafepay retries)
             * @example applied
             * @enum {string}
             */
            outcome: "applied" | "noop" | "anomaly" | "unknown_order" | "bad_signature" | "invalid" | "failed" | "coalesced";
            note: string | null;
            /** @example 203.0.113.7 */
            source: string | null;
        };
        PaymentNotificationListResponseDto: {
            data: components["schemas"]["PaymentNotificationDto"][];
        };
        CreateRefundDto: {
            /**
             * @description Minor units; omitted: everything that remains
             * @example 400
             */
            amount?: number;
            /** @example Returned one item */
            description?: string;
        };
        RefundGatewayDto: {
            /** @example 17472052901238000 */
            transactionId: string | null;
            /** @example 17472052901238001 */
            refundId: string | null;
        };
        RefundErrorDto: {
            /** @example GATEWAY_REJECTED */
            code: string;
            message: string;
        };
        RefundResponseDto: {
            /** @example 0b6d3c55-5a6e-4a4f-9a66-5a1f3d1c2b7e */
            id: string;
            paymentId: string;
            /** @example 400 */
            amount: number;
            /** @example EUR */
            currency: string;
            description: string | null;
            /**
             * @description reserved: accepted by MultiSafepay; failed: refused (see error); unknown: retry with the same key
             * @example reserved
             * @enum {string}
             */
            status: "pending" | "unknown" | "reserved" | "completed" | "failed";
            gateway: components["schemas"]["RefundGatewayDto"];
            error: components["schemas"]["RefundErrorDto"] | null;
            /**
             * @description The name of the API key that asked for it
             * @example shop
             */
            requestedBy: string;
            createdAt: string;
            updatedAt: string;
        };
        RefundListResponseDto: {
            data: components["schemas"]["RefundResponseDto"][];
        };
        CreateCaptureDto: {
            /**
             * @description Minor units; omitted: everything still capturable (a full capture)
             * @example 600
             */
            amount?: number;
            /** @example Shipment 1 of 2 */
            description?: string;
        };
        CaptureGatewayDto: {
            /**
             * @description MultiSafepay's order id for the capture (refunds of it may name it)
             * @example cap-5d1c0e3f9a2b4c6d7e8f9a0b
             */
            orderId: string | null;
            /** @example 17472052901238000 */
            transactionId: string | null;
        };
        CaptureErrorDto: {
            /** @example GATEWAY_REJECTED */
            code: string;
            message: string;
        };
        CaptureResponseDto: {
            /** @example 5b0e1f3c-2a4d-4b6e-8f0a-1c2d3e4f5a6b */
            id: string;
            paymentId: string;
            /** @example 600 */
            amount: number;
            /** @example EUR */
            currency: string;
            /** @example Shipment 1 of 2 */
            description: string | null;
            /**
             * @description `succeeded`: captured; `failed`: MultiSafepay refused it (nothing captured); `unknown`: the outcome is not known yet: retry with the same Idempotency-Key to settle it
             * @example succeeded
             * @enum {string}
             */
            status: "pending" | "unknown" | "succeeded" | "failed";
            gateway: components["schemas"]["CaptureGatewayDto"];
            error: components["schemas"]["CaptureErrorDto"] | null;
            /**
             * @description The name of the API key that asked for it
             * @example shop
             */
            requestedBy: string;
            createdAt: string;
            updatedAt: string;
        };
        CaptureListResponseDto: {
            data: components["schemas"]["CaptureResponseDto"][];
        };
        SavedCardResponseDto: {
            /** @example card_4qkxw6d2nbm5tq3zjv7c2rrh5e */
            id: string;
            /** @example cust-42 */
            customerReference: string;
            /** @example VISA */
            brand: string | null;
            /** @example 3335 */
            last4: string | null;
            /** @example 12 */
            expiryMonth: number | null;
            /** @example 2030 */
            expiryYear: number | null;
            /**
             * @example cardOnFile
             * @enum {string}
             */
            model: "cardOnFile" | "subscription" | "unscheduled";
            /**
             * @example active
             * @enum {string}
             */
            status: "active" | "deleted";
            /**
             * @description The first payment, which saved the card
             * @example 6f1c2a4e-8d0b-4f3a-9f51-0c1d2e3f4a5b
             */
            paymentId: string | null;
            /** @example 2026-11-24T14:00:00.000Z */
            createdAt: string;
            /** @example null */
            deletedAt: string | null;
        };
        SavedCardListResponseDto: {
            /** @description Active cards, newest first */
            data: components["schemas"]["SavedCardResponseDto"][];
        };
        EventDataDto: {
            /** @description The resource after the change: a payment for `payment.*` events, a refund for `refund.*` */
            object: components["schemas"]["PaymentResponseDto"] | components["schemas"]["RefundResponseDto"];
        };
        EventDto: {
            /**
             * @description Unique; the Standard Webhooks `webhook-id` and the AMQP `messageId`: dedupe by it
             * @example evt_0c6f2a9d41b7e03c85a1d2f4e6
             */
            id: string;
            /**
             * @example payment.completed
             * @enum {string}
             */
            type: "payment.initialized" | "payment.uncleared" | "payment.authorized" | "payment.reserved" | "payment.completed" | "payment.declined" | "payment.cancelled" | "payment.void" | "payment.expired" | "payment.refunded" | "payment.partial_refunded" | "payment.chargedback" | "refund.succeeded" | "refund.failed" | "payment.captured" | "capture.succeeded" | "capture.failed" | "saved_card.created" | "saved_card.deleted";
            /** @example 2026-11-28T18:00:00.000Z */
            createdAt: string;
            /** @example 6f1c2a4e-8d0b-4f3a-9f51-0c1d2e3f4a5b */
            paymentId: string | null;
            /**
             * @description Grows with each of the payment's events: keep the highest seen per payment and drop an event with a lower one (deliveries may arrive out of order)
             * @example 3
             */
            sequence: number | null;
            data: components["schemas"]["EventDataDto"];
        };
        EventPageDto: {
            data: components["schemas"]["EventDto"][];
            /** @description Pass as `after` to continue. Present even on the last page (the feed keeps growing); null only when there were no events at all */
            nextCursor: string | null;
            /** @description More events were already waiting beyond this page */
            hasMore: boolean;
        };
        DeliveryAttemptDto: {
            /** @example 2026-11-28T18:00:01.000Z */
            at: string;
            /** @example 500 */
            status: number | null;
            /** @example HTTP 500 */
            error: string | null;
            /** @example 42 */
            durationMs: number;
        };
        EventDeliveryDto: {
            id: string;
            /** @example evt_0c6f2a9d41b7e03c85a1d2f4e6 */
            eventId: string;
            /** @example payment.completed */
            eventType: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            /** @example 2 */
            attempts: number;
            nextAttemptAt: string | null;
            lastAttemptAt: string | null;
            deliveredAt: string | null;
            attemptLog: components["schemas"]["DeliveryAttemptDto"][];
            createdAt: string;
            /**
             * @description webhook: an endpoint; amqp: RabbitMQ
             * @enum {string}
             */
            channel: "webhook" | "amqp";
            /** @description null for RabbitMQ */
            endpointId: string | null;
            /** @example https://orders.shop.internal/events */
            endpointUrl: string | null;
            /**
             * @description HTTP status
             * @example 500
             */
            lastStatus: number | null;
            /** @example HTTP 500 */
            lastError: string | null;
        };
        EventDeliveryListDto: {
            data: components["schemas"]["EventDeliveryDto"][];
        };
        RedeliverResponseDto: {
            /**
             * @description Deliveries scheduled (sent within moments)
             * @example 1
             */
            scheduled: number;
        };
        CreateWebhookEndpointDto: {
            /** @example https://orders.shop.internal/payment-events */
            url: string;
            /**
             * @description Event types to send; `*` for all of them
             * @example [
             *       "payment.completed",
             *       "payment.declined",
             *       "refund.succeeded"
             *     ]
             */
            eventTypes: ("*" | "payment.initialized" | "payment.uncleared" | "payment.authorized" | "payment.reserved" | "payment.completed" | "payment.declined" | "payment.cancelled" | "payment.void" | "payment.expired" | "payment.refunded" | "payment.partial_refunded" | "payment.chargedback" | "refund.succeeded" | "refund.failed" | "payment.captured" | "capture.succeeded" | "capture.failed" | "saved_card.created" | "saved_card.deleted")[];
            /** @example Order service */
            description?: string;
        };
        WebhookEndpointWithSecretDto: {
            /** @example 3b8f7d2e-4c1a-4e9b-8a7d-2f1e0c9b8a7d */
            id: string;
            /** @example https://orders.shop.internal/payment-events */
            url: string;
            /** @example Order service */
            description: string | null;
            /**
             * @example [
             *       "payment.completed"
             *     ]
             */
            eventTypes: ("*" | "payment.initialized" | "payment.uncleared" | "payment.authorized" | "payment.reserved" | "payment.completed" | "payment.declined" | "payment.cancelled" | "payment.void" | "payment.expired" | "payment.refunded" | "payment.partial_refunded" | "payment.chargedback" | "refund.succeeded" | "refund.failed" | "payment.captured" | "capture.succeeded" | "capture.failed" | "saved_card.created" | "saved_card.deleted")[];
            /**
             * @example enabled
             * @enum {string}
             */
            status: "enabled" | "disabled";
            /** @example null */
            disabledReason: string | null;
            /**
             * @description Since when every attempt has failed; disabled after 5 days of it
             * @example null
             */
            failingSince: string | null;
            /**
             * @description Until when the secret replaced by the last rotation still signs beside the new one
             * @example null
             */
            previousSecretExpiresAt: string | null;
            /** @example 2026-11-28T18:00:00.000Z */
            createdAt: string;
            /** @example 2026-11-28T18:00:00.000Z */
            updatedAt: string;
            /**
             * @description The signing secret, shown only now: verify deliveries with any Standard Webhooks library
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        WebhookEndpointDto: {
            /** @example 3b8f7d2e-4c1a-4e9b-8a7d-2f1e0c9b8a7d */
            id: string;
            /** @example https://orders.shop.internal/payment-events */
            url: string;
            /** @example Order service */
            description: string | null;
            /**
             * @example [
             *       "payment.completed"
             *     ]
             */
            eventTypes: ("*" | "payment.initialized" | "payment.uncleared" | "payment.authorized" | "payment.reserved" | "payment.completed" | "payment.declined" | "payment.cancelled" | "payment.void" | "payment.expired" | "payment.refunded" | "payment.partial_refunded" | "payment.chargedback" | "refund.succeeded" | "refund.failed" | "payment.captured" | "capture.succeeded" | "capture.failed" | "saved_card.created" | "saved_card.deleted")[];
            /**
             * @example enabled
             * @enum {string}
             */
            status: "enabled" | "disabled";
            /** @example null */
            disabledReason: string | null;
            /**
             * @description Since when every attempt has failed; disabled after 5 days of it
             * @example null
             */
            failingSince: string | null;
            /**
             * @description Until when the secret replaced by the last rotation still signs beside the new one
             * @example null
             */
            previousSecretExpiresAt: string | null;
            /** @example 2026-11-28T18:00:00.000Z */
            createdAt: string;
            /** @example 2026-11-28T18:00:00.000Z */
            updatedAt: string;
        };
        WebhookEndpointListDto: {
            data: components["schemas"]["WebhookEndpointDto"][];
        };
        UpdateWebhookEndpointDto: {
            /** @example https://orders.shop.internal/payment-events */
            url?: string;
            /**
             * @example [
             *       "*"
             *     ]
             */
            eventTypes?: ("*" | "payment.initialized" | "payment.uncleared" | "payment.authorized" | "payment.reserved" | "payment.completed" | "payment.declined" | "payment.cancelled" | "payment.void" | "payment.expired" | "payment.refunded" | "payment.partial_refunded" | "payment.chargedback" | "refund.succeeded" | "refund.failed" | "payment.captured" | "capture.succeeded" | "capture.failed" | "saved_card.created" | "saved_card.deleted")[];
            /** @example Order service */
            description?: string;
            /**
             * @description `enabled` again after it was disabled (by hand, or after failing for 5 days): its waiting deliveries go out at once
             * @enum {string}
             */
            status?: "enabled" | "disabled";
        };
        DeliveryDto: {
            id: string;
            /** @example evt_0c6f2a9d41b7e03c85a1d2f4e6 */
            eventId: string;
            /** @example payment.completed */
            eventType: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            /** @example 2 */
            attempts: number;
            nextAttemptAt: string | null;
            lastAttemptAt: string | null;
            deliveredAt: string | null;
            attemptLog: components["schemas"]["DeliveryAttemptDto"][];
            createdAt: string;
        };
        DeliveryListDto: {
            data: components["schemas"]["DeliveryDto"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_list: {
        parameters: {
            query?: {
                orderId?: string;
                /** @description Finds payments by our id, orderId, MultiSafepay transaction id, or the card's last 4 digits (combine with createdFrom/createdTo to narrow a last-4 search) */
                q?: string;
                status?: "created" | "unknown" | "initialized" | "uncleared" | "authorized" | "reserved" | "completed" | "declined" | "cancelled" | "void" | "expired" | "refunded" | "partial_refunded" | "chargedback";
                /** @description createdAt ≥ this instant */
                createdFrom?: string;
                /** @description createdAt < this instant */
                createdTo?: string;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentListResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks payments:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_create: {
        parameters: {
            query?: never;
            header: {
                /** @description 1–255 visible ASCII characters, unique per request. A key is kept with its answer for IDEMPOTENCY_KEY_TTL_HOURS (24 by default) from its first use; after that it has expired and is a fresh key again, as at Stripe: the same key then creates a new payment. */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePaymentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks payments:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description SAVED_CARD_NOT_FOUND (unknown, or another customer's card) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description ORDER_ID_EXISTS · IDEMPOTENCY_KEY_IN_USE · SAVED_CARD_DELETED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED (other body) · GATEWAY_TOKEN_NOT_FOUND (MultiSafepay keeps no such token: 1000) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_REJECTED (MultiSafepay error_code in details) */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_UNAVAILABLE: retry with the same key */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_TIMEOUT: outcome unknown; retry with the same key */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks payments:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PAYMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentEventListResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks payments:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PAYMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_notifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentNotificationListResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks payments:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PAYMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks payments:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PAYMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_TIMEOUT */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_listRefunds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundListResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks payments:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PAYMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_refund: {
        parameters: {
            query?: never;
            header: {
                /** @description Unique per refund; it stays with the refund it created and does not expire. */
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRefundDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks refunds:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PAYMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description NOT_REFUNDABLE (not completed) · IDEMPOTENCY_KEY_IN_USE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description REFUND_EXCEEDS_REMAINING · IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_REJECTED (e.g. 1034) */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_TIMEOUT: outcome unknown; retry with the same key */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_listCaptures: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureListResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks payments:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PAYMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_capture: {
        parameters: {
            query?: never;
            header: {
                "Idempotency-Key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaptureDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks payments:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PAYMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description ILLEGAL_TRANSITION (not an authorized manual-capture payment) · AUTHORIZATION_EXPIRED · IDEMPOTENCY_KEY_IN_USE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description CAPTURE_EXCEEDS_AUTHORIZED · IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_REJECTED */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_TIMEOUT: outcome unknown; retry with the same key */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks payments:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PAYMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description NOT_CANCELLABLE · ILLEGAL_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_REJECTED */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SavedCardsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer the cards are filed under */
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedCardListResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (reference or id malformed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks payments:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SavedCardsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer the cards are filed under */
                reference: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedCardResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED (reference or id malformed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks payments:write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description SAVED_CARD_NOT_FOUND (also for another customer's card) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_REJECTED */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_UNAVAILABLE: the card is kept; retry */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_TIMEOUT: the card is kept; retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK (committed) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description SOURCE_NOT_ALLOWED: the sender is outside WEBHOOK_ALLOWED_CIDRS */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: too many from this sender (MultiSafepay retries later) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhooksController_post: {
        parameters: {
            query?: never;
            header: {
                /** @description base64(timestamp:hex(HMAC-SHA512)) */
                Auth: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK (committed) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description INVALID_NOTIFICATION · VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description INVALID_SIGNATURE: nothing applied */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description SOURCE_NOT_ALLOWED: the sender is outside WEBHOOK_ALLOWED_CIDRS */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: too many from this sender (MultiSafepay retries later) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    EventsController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page; without it the feed starts at the oldest event kept */
                after?: string;
                type?: "payment.initialized" | "payment.uncleared" | "payment.authorized" | "payment.reserved" | "payment.completed" | "payment.declined" | "payment.cancelled" | "payment.void" | "payment.expired" | "payment.refunded" | "payment.partial_refunded" | "payment.chargedback" | "refund.succeeded" | "refund.failed" | "payment.captured" | "capture.succeeded" | "capture.failed" | "saved_card.created" | "saved_card.deleted";
                paymentId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPageDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks events:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    EventsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks events:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description EVENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    EventsController_deliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDeliveryListDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks events:read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description EVENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    EventsController_redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedeliverResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks events:admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description EVENT_NOT_FOUND · WEBHOOK_ENDPOINT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhookEndpointsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointListDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks events:admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhookEndpointsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookEndpointDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecretDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks events:admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhookEndpointsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks events:admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description WEBHOOK_ENDPOINT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhookEndpointsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks events:admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description WEBHOOK_ENDPOINT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhookEndpointsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookEndpointDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks events:admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description WEBHOOK_ENDPOINT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhookEndpointsController_rotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecretDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks events:admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description WEBHOOK_ENDPOINT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhookEndpointsController_deliveries: {
        parameters: {
            query?: {
                status?: "pending" | "succeeded" | "failed";
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryListDto"];
                };
            };
            /** @description VALIDATION_FAILED (details name each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or wrong API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description FORBIDDEN: the key lacks events:admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description WEBHOOK_ENDPOINT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description RATE_LIMITED: see Retry-After (seconds) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
}

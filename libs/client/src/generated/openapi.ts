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
        get: operations["getLiveness"];
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
        get: operations["getReadiness"];
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
        get: operations["getMetrics"];
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
        get: operations["getMe"];
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
        get: operations["listPayments"];
        put?: never;
        /**
         * Create a direct card payment
         * @description Creates a `direct` CREDITCARD order at MultiSafepay. 3-D Secure: `status: initialized` and `nextAction` (redirect the shopper to `nextAction.url`, or render `nextAction.form.html`). Without 3-D Secure the final status is in the answer and `nextAction` is null. A declined card is `201` with `status: declined`. Replays with the same Idempotency-Key and body return the same answer (header `Idempotent-Replayed: true`). Saved cards: add `recurring: {model, customerReference}` beside `card` to save it (`savedCard` appears once MultiSafepay keeps it); later pay with `savedCardId` and `recurring` instead of `card`: no CVC, no 3-D Secure, final at once.
         */
        post: operations["createPayment"];
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
        get: operations["getPayment"];
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
        get: operations["listPaymentEvents"];
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
        get: operations["listPaymentNotifications"];
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
        post: operations["refreshPayment"];
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
        get: operations["listRefunds"];
        put?: never;
        /**
         * Refund all or part of a payment
         * @description Through MultiSafepay's refund endpoint. Without `amount`, everything that remains. The payment becomes `partial_refunded` or `refunded` as MultiSafepay reports it. Replays with the same Idempotency-Key return the same refund.
         */
        post: operations["refundPayment"];
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
        get: operations["listCaptures"];
        put?: never;
        /**
         * Capture all or part of an authorized payment
         * @description For payments created with `captureMode: manual` and now `authorized`. Without `amount`, everything still capturable. A full capture makes the payment `completed`; after a partial one it stays `authorized` with less capturable (capture again, or release the rest with POST /v1/payments/{id}/cancel). Concurrent captures never take more than was authorized. Replays with the same Idempotency-Key return the same capture; after GATEWAY_TIMEOUT a retry with the same key settles it without capturing twice.
         */
        post: operations["capturePayment"];
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
        post: operations["cancelPayment"];
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
        get: operations["listSavedCards"];
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
        delete: operations["deleteSavedCard"];
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
        /**
         * GET notification: re-reads the order from MultiSafepay and applies it
         * @description Called by MultiSafepay, not by you: public, no API key.
         */
        get: operations["receiveMultisafepayNotificationGet"];
        put?: never;
        /**
         * POST notification: the order as JSON, signed in the Auth header
         * @description Called by MultiSafepay, not by you: public, no API key; the `Auth` signature (HMAC-SHA512 with the website API key) authenticates it.
         */
        post: operations["receiveMultisafepayNotification"];
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
        get: operations["listEvents"];
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
        get: operations["getEvent"];
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
        get: operations["listEventDeliveries"];
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
        post: operations["redeliverEvent"];
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
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Subscribe a URL to events
         * @description Deliveries are signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the `secret` returned here, and only here. A 2xx within 10 s counts as delivered; anything else (redirects included) is retried with jittered backoff (about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), then marked failed. An endpoint failing for 5 days is disabled.
         */
        post: operations["createWebhookEndpoint"];
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
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /** Unsubscribe: its pending deliveries are dropped */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /** Change the URL, event types or description; disable or re-enable */
        patch: operations["updateWebhookEndpoint"];
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
        post: operations["rotateWebhookEndpointSecret"];
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
        get: operations["listWebhookEndpointDeliveries"];
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
        /** @description An event; `type` says which resource `data.object` is (docs/events.md) */
        EventDto: components["schemas"]["PaymentChangedEventDto"] | components["schemas"]["RefundEventDto"] | components["schemas"]["CaptureEventDto"] | components["schemas"]["SavedCardEventDto"];
        HealthIndicatorDto: {
            /**
             * @example up
             * @enum {string}
             */
            status: "up" | "down";
            /**
             * @description How long the check took, in ms
             * @example 7
             */
            responseTime?: number;
        };
        HealthResultDto: {
            /**
             * @example ok
             * @enum {string}
             */
            status: "ok";
            /**
             * @description The indicators that are up, by name
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
            /**
             * @description The indicators that are down (none when the check passes)
             * @example {}
             */
            error: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
            /**
             * @description Every indicator, by name
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
        };
        FieldProblemDto: {
            /**
             * @description The field, dotted for nested ones
             * @example amount
             */
            field: string;
            /**
             * @example [
             *       "amount must be a positive integer (minor units)"
             *     ]
             */
            messages: string[];
        };
        GatewayRejectionDto: {
            /**
             * @description MultiSafepay's error_code
             * @example 1034
             */
            gatewayCode: number;
            /** @example Cannot refund: the order is not completed */
            gatewayMessage: string;
        };
        RefundExcessDto: {
            /** @example 1200 */
            requested: number;
            /**
             * @description Minor units still refundable
             * @example 600
             */
            remaining: number;
        };
        CaptureExcessDto: {
            /** @example 1200 */
            requested: number;
            /**
             * @description Minor units still capturable
             * @example 400
             */
            capturable: number;
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
             * @description Only with some codes: VALIDATION_FAILED names each bad field; GATEWAY_REJECTED carries MultiSafepay's code and text; REFUND_EXCEEDS_REMAINING and CAPTURE_EXCEEDS_AUTHORIZED what was asked and what is left
             * @example [
             *       {
             *         "field": "amount",
             *         "messages": [
             *           "amount must be a positive integer (minor units)"
             *         ]
             *       }
             *     ]
             */
            details?: components["schemas"]["FieldProblemDto"][] | components["schemas"]["GatewayRejectionDto"] | components["schemas"]["RefundExcessDto"] | components["schemas"]["CaptureExcessDto"];
        };
        ErrorResponseDto: {
            error: components["schemas"]["ErrorDetailDto"];
            /** @example 0f8e5c1e-9d1b-4a53-b0e1-3f8f0f5b2c11 */
            requestId: string;
        };
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
             * @description Your customer id sent with the payment: `recurring.customerReference`, else `customer.reference`; null when neither was given. Missing from an answer replayed (same Idempotency-Key) or an event recorded before the field existed
             * @example cust-42
             */
            customerReference?: string | null;
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
        PaymentChangedEventDto: {
            /**
             * @description Unique; the Standard Webhooks `webhook-id` and the AMQP `messageId`: dedupe by it
             * @example evt_0c6f2a9d41b7e03c85a1d2f4e6
             */
            id: string;
            /** @example 2026-11-28T18:00:00.000Z */
            createdAt: string;
            /** @example 6f1c2a4e-8d0b-4f3a-9f51-0c1d2e3f4a5b */
            paymentId: string | null;
            /**
             * @description Grows with each of the payment's events: keep the highest seen per payment and drop an event with a lower one (deliveries may arrive out of order); null for saved cards
             * @example 3
             */
            sequence: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "payment.initialized" | "payment.uncleared" | "payment.authorized" | "payment.reserved" | "payment.completed" | "payment.declined" | "payment.cancelled" | "payment.void" | "payment.expired" | "payment.refunded" | "payment.partial_refunded" | "payment.chargedback" | "payment.captured";
            data: {
                /** @description The payment */
                object: components["schemas"]["PaymentResponseDto"];
            };
        };
        RefundEventDto: {
            /**
             * @description Unique; the Standard Webhooks `webhook-id` and the AMQP `messageId`: dedupe by it
             * @example evt_0c6f2a9d41b7e03c85a1d2f4e6
             */
            id: string;
            /** @example 2026-11-28T18:00:00.000Z */
            createdAt: string;
            /** @example 6f1c2a4e-8d0b-4f3a-9f51-0c1d2e3f4a5b */
            paymentId: string | null;
            /**
             * @description Grows with each of the payment's events: keep the highest seen per payment and drop an event with a lower one (deliveries may arrive out of order); null for saved cards
             * @example 3
             */
            sequence: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "refund.succeeded" | "refund.failed";
            data: {
                /** @description The refund */
                object: components["schemas"]["RefundEventObjectDto"];
            };
        };
        CaptureEventDto: {
            /**
             * @description Unique; the Standard Webhooks `webhook-id` and the AMQP `messageId`: dedupe by it
             * @example evt_0c6f2a9d41b7e03c85a1d2f4e6
             */
            id: string;
            /** @example 2026-11-28T18:00:00.000Z */
            createdAt: string;
            /** @example 6f1c2a4e-8d0b-4f3a-9f51-0c1d2e3f4a5b */
            paymentId: string | null;
            /**
             * @description Grows with each of the payment's events: keep the highest seen per payment and drop an event with a lower one (deliveries may arrive out of order); null for saved cards
             * @example 3
             */
            sequence: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "capture.succeeded" | "capture.failed";
            data: {
                /** @description The capture */
                object: components["schemas"]["CaptureEventObjectDto"];
            };
        };
        SavedCardEventDto: {
            /**
             * @description Unique; the Standard Webhooks `webhook-id` and the AMQP `messageId`: dedupe by it
             * @example evt_0c6f2a9d41b7e03c85a1d2f4e6
             */
            id: string;
            /** @example 2026-11-28T18:00:00.000Z */
            createdAt: string;
            /** @example 6f1c2a4e-8d0b-4f3a-9f51-0c1d2e3f4a5b */
            paymentId: string | null;
            /**
             * @description Grows with each of the payment's events: keep the highest seen per payment and drop an event with a lower one (deliveries may arrive out of order); null for saved cards
             * @example 3
             */
            sequence: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "saved_card.created" | "saved_card.deleted";
            data: {
                /** @description The saved card (never its token) */
                object: components["schemas"]["SavedCardResponseDto"];
            };
        };
        RefundEventObjectDto: {
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
            createdAt: string;
            updatedAt: string;
        };
        CaptureEventObjectDto: {
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
            createdAt: string;
            updatedAt: string;
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
        RedeliverDto: {
            /**
             * Format: uuid
             * @description Only to this endpoint (whatever its event types); without it, to every enabled endpoint subscribed to the type, and to RabbitMQ when configured
             */
            endpointId?: string;
        };
        RedeliverResponseDto: {
            /**
             * @description Deliveries scheduled (sent within moments)
             * @example 1
             */
            scheduled: number;
        };
        CreateWebhookEndpointDto: {
            /**
             * @description Where deliveries go. https in production (unless WEBHOOK_ENDPOINT_ALLOW_HTTP); no credentials; never loopback (in production), link-local, cloud metadata, multicast, broadcast or unspecified addresses, by any spelling, nor a name resolving to one; private addresses as WEBHOOK_ENDPOINT_ALLOWED_CIDRS and WEBHOOK_ENDPOINT_DENIED_CIDRS allow. Otherwise 400 ENDPOINT_ADDRESS_REFUSED.
             * @example https://orders.shop.internal/payment-events
             */
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
            /**
             * @description Where deliveries go. https in production (unless WEBHOOK_ENDPOINT_ALLOW_HTTP); no credentials; never loopback (in production), link-local, cloud metadata, multicast, broadcast or unspecified addresses, by any spelling, nor a name resolving to one; private addresses as WEBHOOK_ENDPOINT_ALLOWED_CIDRS and WEBHOOK_ENDPOINT_DENIED_CIDRS allow. Otherwise 400 ENDPOINT_ADDRESS_REFUSED.
             * @example https://orders.shop.internal/payment-events
             */
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
    getLiveness: {
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
                    "application/json": components["schemas"]["HealthResultDto"];
                };
            };
            /** @description ROUTE_NOT_FOUND: MANAGEMENT_PORT is set and this is the public port */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getReadiness: {
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
                    "application/json": components["schemas"]["HealthResultDto"];
                };
            };
            /** @description ROUTE_NOT_FOUND: MANAGEMENT_PORT is set and this is the public port */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database did not answer in time */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getMetrics: {
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
                    "text/plain": string;
                };
            };
            /** @description ROUTE_NOT_FOUND: MANAGEMENT_PORT is set and this is the public port */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getMe: {
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listPayments: {
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
            /** @description VALIDATION_FAILED: details name each field */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createPayment: {
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
            /** @description VALIDATION_FAILED: details name each field · IDEMPOTENCY_KEY_MISSING · MALFORMED_JSON */
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
            /** @description SAVED_CARD_NOT_FOUND: unknown, or another customer's card */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description ORDER_ID_EXISTS · IDEMPOTENCY_KEY_IN_USE: retry with the same key shortly · SAVED_CARD_DELETED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: the key came with another body · GATEWAY_TOKEN_NOT_FOUND: MultiSafepay keeps no such token (1000) */
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
            /** @description SAVED_CARD_UNREADABLE: the saved card's token cannot be decrypted (TOKEN_ENCRYPTION_KEY) · INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_REJECTED: MultiSafepay's error_code in details */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_UNAVAILABLE: retry with the same key · DATABASE_UNAVAILABLE: retry shortly */
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
    getPayment: {
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
            /** @description VALIDATION_FAILED: id is not a UUID */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listPaymentEvents: {
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
            /** @description VALIDATION_FAILED: id is not a UUID */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listPaymentNotifications: {
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
            /** @description VALIDATION_FAILED: id is not a UUID */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    refreshPayment: {
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
            /** @description VALIDATION_FAILED: id is not a UUID */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_REJECTED · GATEWAY_ORDER_NOT_FOUND: MultiSafepay has no such order */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_UNAVAILABLE · DATABASE_UNAVAILABLE: retry shortly */
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
    listRefunds: {
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
            /** @description VALIDATION_FAILED: id is not a UUID */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    refundPayment: {
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
            /** @description VALIDATION_FAILED: details name each field · IDEMPOTENCY_KEY_MISSING · MALFORMED_JSON */
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
            /** @description NOT_REFUNDABLE: not completed · IDEMPOTENCY_KEY_IN_USE: retry with the same key shortly */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description REFUND_EXCEEDS_REMAINING: details say what is left · IDEMPOTENCY_KEY_REUSED: the key came with another body */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_REJECTED: e.g. 1034 */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_UNAVAILABLE · DATABASE_UNAVAILABLE: retry shortly */
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
    listCaptures: {
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
            /** @description VALIDATION_FAILED: id is not a UUID */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    capturePayment: {
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
            /** @description VALIDATION_FAILED: details name each field · IDEMPOTENCY_KEY_MISSING · MALFORMED_JSON */
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
            /** @description ILLEGAL_TRANSITION: not an authorized manual-capture payment · AUTHORIZATION_EXPIRED · IDEMPOTENCY_KEY_IN_USE: retry with the same key shortly */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description CAPTURE_EXCEEDS_AUTHORIZED: details say what is left · IDEMPOTENCY_KEY_REUSED: the key came with another body */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
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
            /** @description GATEWAY_UNAVAILABLE · DATABASE_UNAVAILABLE: retry shortly */
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
    cancelPayment: {
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
            /** @description VALIDATION_FAILED: id is not a UUID */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
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
            /** @description GATEWAY_UNAVAILABLE · DATABASE_UNAVAILABLE: retry shortly */
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
    listSavedCards: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer reference the cards were saved for (`recurring.customerReference`) */
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
            /** @description VALIDATION_FAILED: reference malformed */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    deleteSavedCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The customer reference the cards were saved for (`recurring.customerReference`) */
                reference: string;
                /** @description The saved card (`savedCard.id` of the payment that saved it) */
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
            /** @description VALIDATION_FAILED: reference or id malformed */
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
            /** @description SAVED_CARD_NOT_FOUND: also for another customer's card */
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
            /** @description SAVED_CARD_UNREADABLE: the card's token cannot be decrypted (TOKEN_ENCRYPTION_KEY) · INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
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
            /** @description GATEWAY_UNAVAILABLE: the card is kept; retry · DATABASE_UNAVAILABLE: retry shortly */
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
    receiveMultisafepayNotificationGet: {
        parameters: {
            query: {
                /** @description Our order id (MultiSafepay calls it transactionid) */
                transactionid: string;
                /** @description Unix seconds */
                timestamp?: string;
                /** @description pretransaction deliveries are acknowledged and ignored */
                payload_type?: string;
                identifier?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Committed (anything else makes MultiSafepay retry) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "OK";
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_REJECTED · GATEWAY_ORDER_NOT_FOUND */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_UNAVAILABLE · DATABASE_UNAVAILABLE: retry shortly */
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
    receiveMultisafepayNotification: {
        parameters: {
            query: {
                /** @description Our order id (MultiSafepay calls it transactionid) */
                transactionid: string;
                /** @description Unix seconds */
                timestamp?: string;
                /** @description pretransaction deliveries are acknowledged and ignored */
                payload_type?: string;
                identifier?: string;
            };
            header: {
                /** @description base64(timestamp:hex(HMAC-SHA512)) */
                Auth: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description MultiSafepay's order as its API returns it; signed byte for byte in `Auth` */
        requestBody: {
            content: {
                "application/json": Record<string, unknown>;
            };
        };
        responses: {
            /** @description Committed (anything else makes MultiSafepay retry) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "OK";
                };
            };
            /** @description INVALID_NOTIFICATION · VALIDATION_FAILED · MALFORMED_JSON */
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
            /** @description PAYLOAD_TOO_LARGE: larger than BODY_LIMIT_BYTES */
            413: {
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_REJECTED · GATEWAY_ORDER_NOT_FOUND */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description GATEWAY_UNAVAILABLE · DATABASE_UNAVAILABLE: retry shortly */
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
    listEvents: {
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
            /** @description VALIDATION_FAILED: details name each field */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getEvent: {
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
            /** @description VALIDATION_FAILED: id is not an event id */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listEventDeliveries: {
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
            /** @description VALIDATION_FAILED: id is not an event id */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    redeliverEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RedeliverDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedeliverResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED: details name each field · MALFORMED_JSON */
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
            /** @description PAYLOAD_TOO_LARGE: larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json */
            415: {
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listWebhookEndpoints: {
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createWebhookEndpoint: {
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
            /** @description VALIDATION_FAILED: details name each field · ENDPOINT_ADDRESS_REFUSED: the URL points where deliveries may not go; the message says why (docs/events.md#which-urls-are-refused) · MALFORMED_JSON */
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
            /** @description PAYLOAD_TOO_LARGE: larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json */
            415: {
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getWebhookEndpoint: {
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
            /** @description VALIDATION_FAILED: id is not a UUID */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
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
            /** @description VALIDATION_FAILED: id is not a UUID */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updateWebhookEndpoint: {
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
            /** @description VALIDATION_FAILED: details name each field · ENDPOINT_ADDRESS_REFUSED: the URL points where deliveries may not go; the message says why (docs/events.md#which-urls-are-refused) · MALFORMED_JSON */
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
            /** @description PAYLOAD_TOO_LARGE: larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json */
            415: {
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    rotateWebhookEndpointSecret: {
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
            /** @description VALIDATION_FAILED: id is not a UUID */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listWebhookEndpointDeliveries: {
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
            /** @description VALIDATION_FAILED: details name each field */
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
            /** @description INTERNAL_ERROR: unexpected; quote the requestId to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description DATABASE_UNAVAILABLE: retry shortly */
            503: {
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

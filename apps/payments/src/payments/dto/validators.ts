import { expiryInPast, luhnValid } from '@app/payments';
import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

function define(
  name: string,
  message: string,
  validate: (value: unknown, args: ValidationArguments) => boolean,
  options?: ValidationOptions,
) {
  return (target: object, propertyName: string): void => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message, ...options },
      validator: { validate },
    });
  };
}

/** A 12–19 digit number passing the Luhn check. */
export const IsCardNumber = (options?: ValidationOptions) =>
  define(
    'isCardNumber',
    '$property must be 12 to 19 digits with a valid check digit',
    (value) => typeof value === 'string' && luhnValid(value),
    options,
  );

/** On `expiryYear`: the card, with the sibling `expiryMonth`, has not expired. */
export const IsNotExpired = (options?: ValidationOptions) =>
  define(
    'isNotExpired',
    'card has expired (expiryMonth/expiryYear is in the past)',
    (value, args) => {
      const month = (args.object as { expiryMonth?: unknown }).expiryMonth;
      return typeof value !== 'number' || typeof month !== 'number' || !expiryInPast(month, value);
    },
    options,
  );

export const METADATA_LIMITS = { keys: 20, keyLength: 40, valueLength: 500 };

/** At most 20 keys of ≤ 40 characters, values strings (≤ 500), numbers or booleans. */
export const IsFlatMetadata = (options?: ValidationOptions) =>
  define(
    'isFlatMetadata',
    `$property must be an object of at most ${METADATA_LIMITS.keys} keys (≤ ${METADATA_LIMITS.keyLength} chars) with string (≤ ${METADATA_LIMITS.valueLength} chars), number or boolean values`,
    (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const entries = Object.entries(value);
      return (
        entries.length <= METADATA_LIMITS.keys &&
        entries.every(
          ([k, v]) =>
            k.length >= 1 &&
            k.length <= METADATA_LIMITS.keyLength &&
            ((typeof v === 'string' && v.length <= METADATA_LIMITS.valueLength) ||
              (typeof v === 'number' && Number.isFinite(v)) ||
              typeof v === 'boolean'),
        )
      );
    },
    options,
  );

/** The property may not be given together with `sibling` (e.g. `savedCardId` and `card`). */
export const ExcludesSibling = (sibling: string, message: string, options?: ValidationOptions) =>
  define(
    `excludes_${sibling}`,
    message,
    (_value, args) => (args.object as Record<string, unknown>)[sibling] === undefined,
    options,
  );

/** On `savedCardId`: a token payment is final at once, so there is nothing to capture later. */
export const NotWithManualCapture = (options?: ValidationOptions) =>
  define(
    'notWithManualCapture',
    'savedCardId cannot be combined with captureMode manual: a saved card payment is final at once',
    (_value, args) => (args.object as { captureMode?: unknown }).captureMode !== 'manual',
    options,
  );

/**
 * An absolute http(s) URL as the WHATWG URL parser reads it (the parser the webhook sender uses),
 * without whitespace or control characters, which that parser would silently drop. Where it may
 * point is the address policy's to say (`ENDPOINT_ADDRESS_REFUSED`), not the validator's: numeric
 * spellings of an address (`http://2130706433/`) are URLs, and are refused there, for what they are.
 */
export const IsHttpUrl = (options?: ValidationOptions) =>
  define(
    'isHttpUrl',
    '$property must be an absolute http(s) URL',
    (value) => {
      if (typeof value !== 'string' || /\s/u.test(value)) return false;
      if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false;
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
      } catch {
        return false;
      }
    },
    options,
  );

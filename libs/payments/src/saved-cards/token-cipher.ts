import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/** A 32-byte AES-256 key and the id stored beside what it encrypted. */
export interface TokenKey {
  /** `k` + 12 hex characters of SHA-256 over the key: names the key without revealing it. */
  id: string;
  key: Buffer;
}

/** A token encrypted at rest: `nonce (12) ‖ ciphertext ‖ GCM tag (16)`, and its key's id. */
export interface SealedToken {
  keyId: string;
  ciphertext: Buffer;
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Builds a key from its 32 raw bytes. */
export function tokenKey(key: Buffer): TokenKey {
  if (key.length !== 32) throw new Error('a token encryption key must be 32 bytes');
  return { id: `k${createHash('sha256').update(key).digest('hex').slice(0, 12)}`, key };
}

/**
 * Reads a key as configured: 32 bytes in base64 (44 characters) or hex (64 characters). Null
 * when it is neither: the caller names the variable in its message.
 */
export function parseTokenKey(raw: string): TokenKey | null {
  const text = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return tokenKey(Buffer.from(text, 'hex'));
  if (/^[A-Za-z0-9+/]{43}=$/.test(text)) return tokenKey(Buffer.from(text, 'base64'));
  return null;
}

/** The stored token could not be decrypted: unknown key, or the data (or its tag) was altered. */
export class TokenDecryptionError extends Error {
  constructor(reason: string) {
    super(`a saved card's token could not be decrypted: ${reason}`);
    this.name = 'TokenDecryptionError';
  }
}

/**
 * AES-256-GCM for MultiSafepay's `recurring_id` tokens (docs/design.md#saved-cards): a random 12-byte nonce per
 * encryption, the key's id stored beside the ciphertext (and bound to it as associated data), so
 * rows encrypted under an earlier key stay readable during a rotation (`previous`) and
 * `npm run tokens:reencrypt` can move them to the current key. Any alteration of a row makes
 * `open` throw: GCM's tag is checked, never skipped.
 */
export class TokenCipher {
  private readonly byId: Map<string, TokenKey>;

  constructor(
    readonly current: TokenKey,
    previous: readonly TokenKey[] = [],
  ) {
    this.byId = new Map([...previous, current].map((k) => [k.id, k]));
  }

  seal(token: string): SealedToken {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, nonce);
    cipher.setAAD(Buffer.from(this.current.id));
    const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return {
      keyId: this.current.id,
      ciphertext: Buffer.concat([nonce, body, cipher.getAuthTag()]),
    };
  }

  open(sealed: SealedToken): string {
    const key = this.byId.get(sealed.keyId);
    if (!key) {
      throw new TokenDecryptionError(
        `it was encrypted with key ${sealed.keyId}, which is neither TOKEN_ENCRYPTION_KEY nor in TOKEN_ENCRYPTION_KEY_PREVIOUS`,
      );
    }
    const data = sealed.ciphertext;
    if (data.length < NONCE_BYTES + TAG_BYTES) throw new TokenDecryptionError('it is truncated');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.key, data.subarray(0, NONCE_BYTES));
      decipher.setAAD(Buffer.from(key.id));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const body = data.subarray(NONCE_BYTES, data.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenDecryptionError('its authentication tag does not match (altered data)');
    }
  }

  /**
   * A keyed digest of a customer's token (HMAC-SHA256 under a key derived from the current one):
   * finds the saved card a repeated token belongs to without decrypting every row. Never an
   * unkeyed hash: that would let anyone holding a guess confirm it.
   */
  fingerprint(token: string): string {
    const macKey = createHash('sha256')
      .update('saved-card-fingerprint\0')
      .update(this.current.key)
      .digest();
    return createHmac('sha256', macKey).update(token).digest('hex');
  }
}

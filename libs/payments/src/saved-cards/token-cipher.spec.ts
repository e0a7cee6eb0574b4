import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseTokenKey, TokenCipher, TokenDecryptionError, tokenKey } from './token-cipher.js';

const TOKEN = 'RdLbznU5a_s';

describe('TokenCipher', () => {
  const key = tokenKey(randomBytes(32));
  const sut = new TokenCipher(key);

  it('should seal a token so that only the key opens it, with a fresh nonce each time', () => {
    const a = sut.seal(TOKEN);
    const b = sut.seal(TOKEN);
    expect(a.keyId).toBe(key.id);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.ciphertext.includes(Buffer.from(TOKEN))).toBe(false);
    expect(sut.open(a)).toBe(TOKEN);
    expect(sut.open(b)).toBe(TOKEN);
  });

  it('should fail loudly when any byte of a stored ciphertext was altered', () => {
    const sealed = sut.seal(TOKEN);
    for (const at of [0, 12, sealed.ciphertext.length - 1]) {
      const tampered = Buffer.from(sealed.ciphertext);
      tampered[at] = (tampered[at] ?? 0) ^ 0x01;
      expect(() => sut.open({ ...sealed, ciphertext: tampered })).toThrow(TokenDecryptionError);
    }
    expect(() => sut.open({ ...sealed, ciphertext: sealed.ciphertext.subarray(0, 20) })).toThrow(
      /truncated|authentication tag/,
    );
  });

  it('should refuse a row whose key id was changed, even to another configured key', () => {
    const other = tokenKey(randomBytes(32));
    const both = new TokenCipher(key, [other]);
    const sealed = both.seal(TOKEN);
    expect(() => both.open({ ...sealed, keyId: other.id })).toThrow(TokenDecryptionError);
    expect(() => new TokenCipher(other).open(sealed)).toThrow(/neither TOKEN_ENCRYPTION_KEY/);
  });

  it('should open rows of a previous key during a rotation', () => {
    const old = new TokenCipher(key);
    const sealed = old.seal(TOKEN);
    const rotated = new TokenCipher(tokenKey(randomBytes(32)), [key]);
    expect(rotated.open(sealed)).toBe(TOKEN);
    expect(rotated.seal(TOKEN).keyId).not.toBe(key.id);
  });

  it('should give a keyed fingerprint: equal per key, different across keys', () => {
    expect(sut.fingerprint(TOKEN)).toBe(sut.fingerprint(TOKEN));
    expect(sut.fingerprint(TOKEN)).not.toBe(
      new TokenCipher(tokenKey(randomBytes(32))).fingerprint(TOKEN),
    );
  });

  it('should read keys in base64 or hex, and nothing else', () => {
    const raw = randomBytes(32);
    expect(parseTokenKey(raw.toString('base64'))?.key.equals(raw)).toBe(true);
    expect(parseTokenKey(raw.toString('hex'))?.key.equals(raw)).toBe(true);
    expect(parseTokenKey('short')).toBeNull();
    expect(parseTokenKey(randomBytes(16).toString('base64'))).toBeNull();
  });
});

import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { environmentProblems } from './environment.js';
import { loadTokensConfig, tokenCipherFor } from './tokens.config.js';

describe('token encryption key', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-key-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('should take 32 bytes in base64 or hex, and name the variable otherwise', () => {
    const key = randomBytes(32);
    expect(loadTokensConfig({ TOKEN_ENCRYPTION_KEY: key.toString('base64') }).key?.key).toEqual(
      key,
    );
    expect(loadTokensConfig({ TOKEN_ENCRYPTION_KEY: key.toString('hex') }).key?.key).toEqual(key);
    expect(environmentProblems({ TOKEN_ENCRYPTION_KEY: 'secret' })).toEqual([
      'TOKEN_ENCRYPTION_KEY: must be 32 bytes in base64 (44 characters) or hex (64 characters)',
    ]);
    expect(
      environmentProblems({
        TOKEN_ENCRYPTION_KEY: key.toString('hex'),
        TOKEN_ENCRYPTION_KEY_PREVIOUS: `${randomBytes(32).toString('base64')},short`,
      }),
    ).toEqual([
      'TOKEN_ENCRYPTION_KEY_PREVIOUS: entry 2 must be 32 bytes in base64 (44 characters) or hex (64 characters)',
    ]);
    expect(
      environmentProblems({ TOKEN_ENCRYPTION_KEY_PREVIOUS: randomBytes(32).toString('hex') }),
    ).toEqual(['TOKEN_ENCRYPTION_KEY_PREVIOUS: needs TOKEN_ENCRYPTION_KEY (the new key)']);
  });

  it('should generate a key once into DATA_DIR, readable by its owner only, and reuse it', () => {
    const dir = dataDir();
    const first = tokenCipherFor(loadTokensConfig({}), dir);
    const file = join(dir, 'token-encryption.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = tokenCipherFor(loadTokensConfig({}), dir);
    expect(second.current.id).toBe(first.current.id);
    expect(second.open(first.seal('tok'))).toBe('tok');
    expect(readFileSync(file, 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('should refuse a key file others can read', () => {
    const dir = dataDir();
    tokenCipherFor(loadTokensConfig({}), dir);
    chmodSync(join(dir, 'token-encryption.key'), 0o644);
    expect(() => tokenCipherFor(loadTokensConfig({}), dir)).toThrow(/chmod 600/);
  });

  it('should keep the key in memory only with memory://, and prefer TOKEN_ENCRYPTION_KEY', () => {
    const a = tokenCipherFor(loadTokensConfig({}), 'memory://');
    const b = tokenCipherFor(loadTokensConfig({}), 'memory://');
    expect(a.current.id).not.toBe(b.current.id);
    const key = randomBytes(32).toString('base64');
    const dir = dataDir();
    const configured = tokenCipherFor(loadTokensConfig({ TOKEN_ENCRYPTION_KEY: key }), dir);
    expect(configured.current.key).toEqual(Buffer.from(key, 'base64'));
    expect(() => statSync(join(dir, 'token-encryption.key'))).toThrow();
  });
});

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { registerAs } from '@nestjs/config';
import {
  ConfigValidationError,
  parseTokenKey,
  TokenCipher,
  tokenKey,
  type TokenKey,
} from '@app/payments';

const KEY_FORMAT = 'must be 32 bytes in base64 (44 characters) or hex (64 characters)';

export interface TokensConfig {
  /** TOKEN_ENCRYPTION_KEY; null: a generated key (never in production, see environment.ts). */
  key: TokenKey | null;
  /** TOKEN_ENCRYPTION_KEY_PREVIOUS: older keys, still read during a rotation. */
  previous: TokenKey[];
}

/** Saved cards' token encryption keys (docs/design.md#saved-cards, docs/operations.md "Token encryption key"). */
export function loadTokensConfig(env: NodeJS.ProcessEnv): TokensConfig {
  const problems: string[] = [];
  const raw = env.TOKEN_ENCRYPTION_KEY?.trim();
  const key = raw ? parseTokenKey(raw) : null;
  if (raw && !key) problems.push(`TOKEN_ENCRYPTION_KEY: ${KEY_FORMAT}`);
  const previous: TokenKey[] = [];
  const list = env.TOKEN_ENCRYPTION_KEY_PREVIOUS?.trim();
  if (list) {
    list.split(',').forEach((entry, i) => {
      const parsed = parseTokenKey(entry);
      if (parsed) previous.push(parsed);
      else problems.push(`TOKEN_ENCRYPTION_KEY_PREVIOUS: entry ${i + 1} ${KEY_FORMAT}`);
    });
    if (!raw)
      problems.push('TOKEN_ENCRYPTION_KEY_PREVIOUS: needs TOKEN_ENCRYPTION_KEY (the new key)');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return { key, previous };
}

export const tokensConfig = registerAs('tokens', () => loadTokensConfig(process.env));

const KEY_FILE = 'token-encryption.key';

/**
 * The cipher for saved cards. Without TOKEN_ENCRYPTION_KEY (development, the embedded default) a
 * key is generated once and kept in DATA_DIR (mode 0600); with `memory://` it lives as long as
 * the process, like the data it protects. Production refuses to start without the variable.
 */
export function tokenCipherFor(config: TokensConfig, dataDir: string): TokenCipher {
  if (config.key) return new TokenCipher(config.key, config.previous);
  const logger = new Logger('TokenEncryption');
  if (dataDir.startsWith('memory://')) {
    logger.warn('TOKEN_ENCRYPTION_KEY is not set: saved cards use a key that lives in memory only');
    return new TokenCipher(tokenKey(randomBytes(32)), config.previous);
  }
  const file = join(dataDir, KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    // `wx`: of two processes starting at once, one writes and both read the same key.
    writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
    logger.warn(`TOKEN_ENCRYPTION_KEY is not set: generated a key in ${file} (mode 0600)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    throw new Error(`${file} must be readable by its owner only (chmod 600 ${file})`);
  }
  const key = parseTokenKey(readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a token encryption key: ${KEY_FORMAT}`);
  return new TokenCipher(key, config.previous);
}

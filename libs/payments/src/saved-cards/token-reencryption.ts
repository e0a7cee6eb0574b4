import type { DataSource } from 'typeorm';
import { TokenDecryptionError, type TokenCipher } from './token-cipher.js';

export interface ReencryptionReport {
  /** Rows moved to the current key (their fingerprint recomputed with it). */
  reencrypted: number;
  /** Rows that could not be decrypted (unknown key, altered data): left as they are. */
  failed: { id: string; reason: string }[];
}

/**
 * Moves every saved card's token to the cipher's current key (docs/operations.md, "Rotating the
 * token encryption key"): rows of other keys are decrypted with TOKEN_ENCRYPTION_KEY_PREVIOUS,
 * sealed again under TOKEN_ENCRYPTION_KEY with a fresh nonce, and their fingerprint recomputed,
 * `batchSize` rows per transaction (locked with SKIP LOCKED, so it runs beside the service).
 * Idempotent: rows already under the current key are not touched, so a second run finds none.
 */
export async function reencryptTokens(
  dataSource: DataSource,
  cipher: TokenCipher,
  batchSize = 500,
): Promise<ReencryptionReport> {
  const report: ReencryptionReport = { reencrypted: 0, failed: [] };
  for (;;) {
    const skip = report.failed.map((f) => f.id);
    const done = await dataSource.transaction(async (m) => {
      const rows = await m.query<{ id: string; token_ciphertext: Buffer; token_key_id: string }[]>(
        `SELECT id, token_ciphertext, token_key_id FROM saved_cards
         WHERE token_key_id <> $1 AND token_ciphertext IS NOT NULL AND NOT (id = ANY($2::varchar[]))
         ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [cipher.current.id, skip, batchSize],
      );
      for (const row of rows) {
        let token: string;
        try {
          token = cipher.open({ keyId: row.token_key_id, ciphertext: row.token_ciphertext });
        } catch (error) {
          if (!(error instanceof TokenDecryptionError)) throw error;
          report.failed.push({ id: row.id, reason: error.message });
          continue;
        }
        const sealed = cipher.seal(token);
        await m.query(
          `UPDATE saved_cards SET token_ciphertext = $2, token_key_id = $3, token_fingerprint = $4,
             updated_at = now() WHERE id = $1`,
          [row.id, sealed.ciphertext, sealed.keyId, cipher.fingerprint(token)],
        );
        report.reencrypted += 1;
      }
      return rows.length < batchSize;
    });
    if (done) return report;
  }
}

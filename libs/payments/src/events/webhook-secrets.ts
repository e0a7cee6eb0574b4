import type { DataSource } from 'typeorm';
import { TokenDecryptionError, type TokenCipher } from '../saved-cards/token-cipher.js';
import type { ReencryptionReport } from '../saved-cards/token-reencryption.js';

/** Names a webhook secret in decryption errors. */
export const WEBHOOK_SECRET = 'a webhook signing secret';

/** A `webhook_endpoints` row's secrets: sealed, or in clear in a row not sealed yet. */
export interface SecretColumns {
  secret_ciphertext: Buffer | null;
  secret_key_id: string | null;
  secret: string | null;
  previous_secret_ciphertext: Buffer | null;
  previous_secret_key_id: string | null;
  previous_secret: string | null;
}

/**
 * The row's secrets in clear (null where it has none); the previous one only if asked, so that
 * one no longer signing is not decrypted. Throws `TokenDecryptionError`.
 */
export function openSecrets(
  cipher: TokenCipher,
  row: SecretColumns,
  withPrevious: boolean,
): { current: string | null; previous: string | null } {
  const open = (ciphertext: Buffer | null, keyId: string | null, plaintext: string | null) =>
    ciphertext !== null && keyId !== null
      ? cipher.open({ keyId, ciphertext }, WEBHOOK_SECRET)
      : plaintext;
  return {
    current: open(row.secret_ciphertext, row.secret_key_id, row.secret),
    previous: withPrevious
      ? open(row.previous_secret_ciphertext, row.previous_secret_key_id, row.previous_secret)
      : null,
  };
}

interface SecretRow extends SecretColumns {
  id: string;
}

/**
 * Seals webhook endpoints' signing secrets under the cipher's current key, `batchSize` rows per
 * transaction, and empties the plaintext columns of rows written before secrets were sealed.
 * `scope`: `plaintext` seals only such rows (every start-up does, so an upgraded database keeps
 * no secret in clear and keeps signing with the same secrets); `all` also moves rows sealed under
 * an older key (`npm run tokens:reencrypt`). Idempotent; a row that does not decrypt is named in
 * the report and left as it is.
 */
export async function sealWebhookSecrets(
  dataSource: DataSource,
  cipher: TokenCipher,
  scope: 'plaintext' | 'all',
  batchSize = 500,
): Promise<ReencryptionReport> {
  const report: ReencryptionReport = { reencrypted: 0, failed: [] };
  const due =
    scope === 'plaintext'
      ? 'secret IS NOT NULL OR previous_secret IS NOT NULL'
      : `secret IS NOT NULL OR previous_secret IS NOT NULL OR secret_key_id <> $3
         OR previous_secret_key_id <> $3`;
  for (;;) {
    const skip = report.failed.map((f) => f.id);
    const done = await dataSource.transaction(async (m) => {
      // Endpoints are few and their locks brief (a relay's claim, a rotation): wait for them.
      const rows = await m.query<SecretRow[]>(
        `SELECT id, secret_ciphertext, secret_key_id, secret, previous_secret_ciphertext,
           previous_secret_key_id, previous_secret
         FROM webhook_endpoints
         WHERE (${due}) AND NOT (id = ANY($1::uuid[]))
         ORDER BY id LIMIT $2 FOR UPDATE`,
        scope === 'all' ? [skip, batchSize, cipher.current.id] : [skip, batchSize],
      );
      for (const row of rows) {
        let secrets: { current: string | null; previous: string | null };
        try {
          secrets = openSecrets(cipher, row, true);
        } catch (error) {
          if (!(error instanceof TokenDecryptionError)) throw error;
          report.failed.push({ id: row.id, reason: error.message });
          continue;
        }
        const sealed = secrets.current === null ? null : cipher.seal(secrets.current);
        const sealedPrevious = secrets.previous === null ? null : cipher.seal(secrets.previous);
        await m.query(
          `UPDATE webhook_endpoints SET secret_ciphertext = $2, secret_key_id = $3,
             previous_secret_ciphertext = $4, previous_secret_key_id = $5,
             secret = NULL, previous_secret = NULL
           WHERE id = $1`,
          [
            row.id,
            sealed?.ciphertext ?? null,
            sealed?.keyId ?? null,
            sealedPrevious?.ciphertext ?? null,
            sealedPrevious?.keyId ?? null,
          ],
        );
        report.reencrypted += 1;
      }
      return rows.length < batchSize;
    });
    if (done) return report;
  }
}

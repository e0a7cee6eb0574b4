import 'reflect-metadata';
import { buildDataSourceOptions, EmbeddedPostgres, loadDatabaseConfig } from '@app/database';
import { isConfigValidationError, reencryptTokens, sealWebhookSecrets } from '@app/payments';
import { DataSource } from 'typeorm';
import { loadTokensConfig, tokenCipherFor } from './config/tokens.config.js';

// `npm run tokens:reencrypt`: moves every saved card's token and every webhook endpoint's signing
// secret to TOKEN_ENCRYPTION_KEY, reading the older ones with TOKEN_ENCRYPTION_KEY_PREVIOUS
// (docs/operations.md); secrets still in clear (a database written before they were sealed) are
// sealed too. Idempotent; batched.
async function main(): Promise<number> {
  const database = loadDatabaseConfig(process.env);
  const tokens = loadTokensConfig(process.env);
  if (!tokens.key && tokens.previous.length === 0) {
    console.error(
      'TOKEN_ENCRYPTION_KEY (the new key) and TOKEN_ENCRYPTION_KEY_PREVIOUS are not set',
    );
    return 2;
  }
  const cipher = tokenCipherFor(tokens, database.dataDir);
  const batch = Number(process.env.REENCRYPT_BATCH_SIZE ?? 500);
  const embedded =
    database.url === undefined ? await EmbeddedPostgres.start(database.dataDir) : undefined;
  const url = database.url ?? embedded!.url;
  const dataSource = new DataSource(buildDataSourceOptions(url, database, embedded !== undefined));
  try {
    await dataSource.initialize();
    const cards = await reencryptTokens(dataSource, cipher, batch);
    console.log(`re-encrypted ${cards.reencrypted} saved card(s) under key ${cipher.current.id}`);
    const endpoints = await sealWebhookSecrets(dataSource, cipher, 'all', batch);
    console.log(
      `re-encrypted the secrets of ${endpoints.reencrypted} webhook endpoint(s) under key ${cipher.current.id}`,
    );
    const failed = [...cards.failed, ...endpoints.failed];
    for (const f of failed) console.error(`${f.id}: ${f.reason}`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isConfigValidationError(error)) console.error(error.problems.join('\n'));
    else console.error(error);
    process.exit(2);
  },
);

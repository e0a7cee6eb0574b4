import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook signing secrets are sealed (AES-256-GCM under TOKEN_ENCRYPTION_KEY) instead of kept in
 * clear. SQL cannot encrypt without the key, so the plaintext columns stay, nullable: the service
 * seals every such row and empties them at start-up (a later release drops them).
 */
export class WebhookSecretsSealed1796677289250 implements MigrationInterface {
  name = 'WebhookSecretsSealed1796677289250';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "webhook_endpoints" ADD "secret_ciphertext" bytea');
    await queryRunner.query(
      'ALTER TABLE "webhook_endpoints" ADD "secret_key_id" character varying(16)',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_endpoints" ADD "previous_secret_ciphertext" bytea',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_endpoints" ADD "previous_secret_key_id" character varying(16)',
    );
    await queryRunner.query('ALTER TABLE "webhook_endpoints" ALTER COLUMN "secret" DROP NOT NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const sealed = (await queryRunner.query(
      'SELECT count(*)::int AS n FROM "webhook_endpoints" WHERE "secret" IS NULL',
    )) as { n: number }[];
    const n = sealed[0]?.n ?? 0;
    if (n > 0) {
      throw new Error(
        `${n} webhook endpoint(s) have sealed secrets, which the schema before this migration cannot hold: delete them (or restore a backup) to revert`,
      );
    }
    await queryRunner.query('ALTER TABLE "webhook_endpoints" ALTER COLUMN "secret" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "webhook_endpoints" DROP COLUMN "previous_secret_key_id"');
    await queryRunner.query(
      'ALTER TABLE "webhook_endpoints" DROP COLUMN "previous_secret_ciphertext"',
    );
    await queryRunner.query('ALTER TABLE "webhook_endpoints" DROP COLUMN "secret_key_id"');
    await queryRunner.query('ALTER TABLE "webhook_endpoints" DROP COLUMN "secret_ciphertext"');
  }
}

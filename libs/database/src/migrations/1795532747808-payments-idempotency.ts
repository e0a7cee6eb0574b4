import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentsIdempotency1795532747808 implements MigrationInterface {
  name = 'PaymentsIdempotency1795532747808';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "idempotency_keys" ("client_id" character varying(64) NOT NULL, "key" character varying(255) NOT NULL, "request_hash" character(64) NOT NULL, "state" character varying(16) NOT NULL, "payment_id" uuid, "lease_until" TIMESTAMP WITH TIME ZONE NOT NULL, "response_status" smallint, "response_body" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9cf44f13e0f6543341a0c80108e" PRIMARY KEY ("client_id", "key"))',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD "client_id" character varying(64) NOT NULL DEFAULT \'unknown\'',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD "notification_method" character varying(4) NOT NULL DEFAULT \'POST\'',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "payments" DROP COLUMN "notification_method"');
    await queryRunner.query('ALTER TABLE "payments" DROP COLUMN "client_id"');
    await queryRunner.query('DROP TABLE "idempotency_keys"');
  }
}

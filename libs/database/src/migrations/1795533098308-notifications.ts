import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795533098308 implements MigrationInterface {
  name = 'Notifications1795533098308';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "method" character varying(4) NOT NULL, "order_id" character varying(100), "payment_id" uuid, "signature_ok" boolean, "payload_digest" character(64), "outcome" character varying(16) NOT NULL, "note" text, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notifications_order_id_received_at" ON "notifications"  ("order_id", "received_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD "reconcile_after" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query(
      "CREATE INDEX \"ix_payments_open_updated_at\" ON \"payments\"  (\"updated_at\") WHERE status IN ('created', 'unknown', 'initialized', 'uncleared')",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_payments_open_updated_at"');
    await queryRunner.query('ALTER TABLE "payments" DROP COLUMN "reconcile_after"');
    await queryRunner.query('DROP INDEX "public"."ix_notifications_order_id_received_at"');
    await queryRunner.query('DROP TABLE "notifications"');
  }
}

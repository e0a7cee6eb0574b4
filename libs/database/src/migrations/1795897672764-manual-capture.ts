import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ManualCapture1795897672764 implements MigrationInterface {
  name = 'ManualCapture1795897672764';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "captures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "payment_id" uuid NOT NULL, "client_id" character varying(64) NOT NULL, "idempotency_key" character varying(255) NOT NULL, "request_hash" character(64) NOT NULL, "amount" integer NOT NULL, "currency" character(3) NOT NULL, "description" character varying(200), "status" character varying(16) NOT NULL, "capture_order_id" character varying(50) NOT NULL, "gateway_order_id" character varying(50), "gateway_transaction_id" character varying(40), "error" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_857700c9fac22f0181b1fee6fc3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_captures_capture_order_id" ON "captures"  ("capture_order_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_captures_payment_id_created_at" ON "captures"  ("payment_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_captures_client_idempotency_key" ON "captures"  ("client_id", "idempotency_key") ',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD "capture_mode" character varying(9) NOT NULL DEFAULT \'automatic\'',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD "captured_amount" integer NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD "capture_expires_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_payments_authorized_expiry" ON "payments"  ("capture_expires_at") WHERE status = \'authorized\'',
    );
    await queryRunner.query(
      'ALTER TABLE "captures" ADD CONSTRAINT "fk_captures_payment" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "captures" DROP CONSTRAINT "fk_captures_payment"');
    await queryRunner.query('DROP INDEX "public"."ix_payments_authorized_expiry"');
    await queryRunner.query('ALTER TABLE "payments" DROP COLUMN "capture_expires_at"');
    await queryRunner.query('ALTER TABLE "payments" DROP COLUMN "captured_amount"');
    await queryRunner.query('ALTER TABLE "payments" DROP COLUMN "capture_mode"');
    await queryRunner.query('DROP INDEX "public"."uq_captures_client_idempotency_key"');
    await queryRunner.query('DROP INDEX "public"."ix_captures_payment_id_created_at"');
    await queryRunner.query('DROP INDEX "public"."uq_captures_capture_order_id"');
    await queryRunner.query('DROP TABLE "captures"');
  }
}

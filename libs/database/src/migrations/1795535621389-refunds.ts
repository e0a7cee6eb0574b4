import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Refunds1795535621389 implements MigrationInterface {
  name = 'Refunds1795535621389';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "refunds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "payment_id" uuid NOT NULL, "client_id" character varying(64) NOT NULL, "idempotency_key" character varying(255) NOT NULL, "request_hash" character(64) NOT NULL, "amount" integer NOT NULL, "currency" character(3) NOT NULL, "description" character varying(200), "status" character varying(16) NOT NULL, "refund_order_id" character varying(50) NOT NULL, "gateway_transaction_id" character varying(40), "gateway_refund_id" character varying(40), "error" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5106efb01eeda7e49a78b869738" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_refunds_refund_order_id" ON "refunds"  ("refund_order_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_refunds_payment_id_created_at" ON "refunds"  ("payment_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_refunds_client_idempotency_key" ON "refunds"  ("client_id", "idempotency_key") ',
    );
    await queryRunner.query(
      'ALTER TABLE "refunds" ADD CONSTRAINT "fk_refunds_payment" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "refunds" DROP CONSTRAINT "fk_refunds_payment"');
    await queryRunner.query('DROP INDEX "public"."uq_refunds_client_idempotency_key"');
    await queryRunner.query('DROP INDEX "public"."ix_refunds_payment_id_created_at"');
    await queryRunner.query('DROP INDEX "public"."uq_refunds_refund_order_id"');
    await queryRunner.query('DROP TABLE "refunds"');
  }
}

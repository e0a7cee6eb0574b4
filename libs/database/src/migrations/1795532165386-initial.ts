import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795532165386 implements MigrationInterface {
  name = 'Initial1795532165386';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" character varying(50) NOT NULL, "amount" integer NOT NULL, "currency" character(3) NOT NULL, "description" character varying(200) NOT NULL, "status" character varying(20) NOT NULL, "gateway_transaction_id" character varying(40), "gateway_status" character varying(20), "card_brand" character varying(20), "card_last4" character(4), "card_expiry_month" smallint, "card_expiry_year" smallint, "next_action" jsonb, "refunded_amount" integer NOT NULL DEFAULT \'0\', "metadata" jsonb, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_payments_order_id" ON "payments"  ("order_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_payments_gateway_transaction_id" ON "payments"  ("gateway_transaction_id") WHERE gateway_transaction_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_payments_created_at_id" ON "payments"  ("created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_payments_status_created_at" ON "payments"  ("status", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "payment_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "payment_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "source" character varying(16) NOT NULL, "anomaly" boolean NOT NULL DEFAULT false, "note" text, "gateway_payload_digest" character(64), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9f1d16fc78b33e676940a32e8b5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_payment_events_payment_id_seq" ON "payment_events"  ("payment_id", "seq") ',
    );
    await queryRunner.query(
      'ALTER TABLE "payment_events" ADD CONSTRAINT "fk_payment_events_payment" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "payment_events" DROP CONSTRAINT "fk_payment_events_payment"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_payment_events_payment_id_seq"');
    await queryRunner.query('DROP TABLE "payment_events"');
    await queryRunner.query('DROP INDEX "public"."ix_payments_status_created_at"');
    await queryRunner.query('DROP INDEX "public"."ix_payments_created_at_id"');
    await queryRunner.query('DROP INDEX "public"."uq_payments_gateway_transaction_id"');
    await queryRunner.query('DROP INDEX "public"."uq_payments_order_id"');
    await queryRunner.query('DROP TABLE "payments"');
  }
}

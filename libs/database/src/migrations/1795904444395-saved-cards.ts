import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SavedCards1795904444395 implements MigrationInterface {
  name = 'SavedCards1795904444395';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "saved_cards" ("id" character varying(40) NOT NULL, "customer_reference" character varying(50) NOT NULL, "brand" character varying(20), "last4" character(4), "expiry_month" smallint, "expiry_year" smallint, "model" character varying(12) NOT NULL, "token_ciphertext" bytea, "token_key_id" character varying(16) NOT NULL, "token_fingerprint" character(64) NOT NULL, "status" character varying(10) NOT NULL DEFAULT \'active\', "deleted_at" TIMESTAMP WITH TIME ZONE, "payment_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_00718d0da00daa3aec1e7881cbc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_saved_cards_token_key_id" ON "saved_cards"  ("token_key_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_saved_cards_customer_created_at" ON "saved_cards"  ("customer_reference", "created_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_saved_cards_customer_token" ON "saved_cards"  ("customer_reference", "token_fingerprint") ',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD "customer_reference" character varying(50)',
    );
    await queryRunner.query('ALTER TABLE "payments" ADD "recurring_model" character varying(12)');
    await queryRunner.query('ALTER TABLE "payments" ADD "saved_card_id" character varying(40)');
    await queryRunner.query(
      'CREATE INDEX "ix_payments_saved_card_id" ON "payments"  ("saved_card_id") WHERE saved_card_id IS NOT NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_payments_saved_card_id"');
    await queryRunner.query('ALTER TABLE "payments" DROP COLUMN "saved_card_id"');
    await queryRunner.query('ALTER TABLE "payments" DROP COLUMN "recurring_model"');
    await queryRunner.query('ALTER TABLE "payments" DROP COLUMN "customer_reference"');
    await queryRunner.query('DROP INDEX "public"."uq_saved_cards_customer_token"');
    await queryRunner.query('DROP INDEX "public"."ix_saved_cards_customer_created_at"');
    await queryRunner.query('DROP INDEX "public"."ix_saved_cards_token_key_id"');
    await queryRunner.query('DROP TABLE "saved_cards"');
  }
}

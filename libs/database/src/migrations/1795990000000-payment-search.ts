import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The payments search (`GET /v1/payments?q=`) by the card's last 4 digits within a date range. */
export class PaymentSearch1795990000000 implements MigrationInterface {
  name = 'PaymentSearch1795990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_payments_card_last4_created_at" ON "payments"  ("card_last4", "created_at") WHERE card_last4 IS NOT NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_payments_card_last4_created_at"');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhookEdgeRetention1795891189164 implements MigrationInterface {
  name = 'WebhookEdgeRetention1795891189164';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notification_reads" ("payment_id" uuid NOT NULL, "requested_gen" bigint NOT NULL DEFAULT \'0\', "read_gen" bigint NOT NULL DEFAULT \'0\', "done_gen" bigint NOT NULL DEFAULT \'0\', "read_started_at" TIMESTAMP WITH TIME ZONE, "lease_until" TIMESTAMP WITH TIME ZONE, "owner" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c30f35f87b91ca24b00969ae769" PRIMARY KEY ("payment_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "notification_refusals" ("minute" TIMESTAMP WITH TIME ZONE NOT NULL, "source" character varying(64) NOT NULL, "reason" character varying(16) NOT NULL, "refused" integer NOT NULL, CONSTRAINT "PK_0ab94709f42fb213e91b24d6dae" PRIMARY KEY ("minute", "source", "reason"))',
    );
    await queryRunner.query('ALTER TABLE "notifications" ADD "source" character varying(64)');
    await queryRunner.query(
      'CREATE INDEX "ix_idempotency_keys_created_at" ON "idempotency_keys"  ("created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notifications_received_at" ON "notifications"  ("received_at") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_notifications_received_at"');
    await queryRunner.query('DROP INDEX "public"."ix_idempotency_keys_created_at"');
    await queryRunner.query('ALTER TABLE "notifications" DROP COLUMN "source"');
    await queryRunner.query('DROP TABLE "notification_refusals"');
    await queryRunner.query('DROP TABLE "notification_reads"');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Events1795890891806 implements MigrationInterface {
  name = 'Events1795890891806';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "events" ("id" character varying(40) NOT NULL, "position" BIGSERIAL NOT NULL, "tx_id" bigint NOT NULL, "type" character varying(40) NOT NULL, "payment_id" uuid, "sequence" integer, "body" text NOT NULL, "traceparent" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_events_payment_sequence" ON "events"  ("payment_id", "sequence") ',
    );
    await queryRunner.query('CREATE INDEX "ix_events_feed" ON "events"  ("tx_id", "position") ');
    await queryRunner.query('CREATE INDEX "ix_events_created_at" ON "events"  ("created_at") ');
    await queryRunner.query(
      'CREATE TABLE "webhook_endpoints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" character varying(2048) NOT NULL, "description" character varying(500), "event_types" character varying(40) array NOT NULL, "status" character varying(16) NOT NULL, "disabled_reason" text, "secret" character varying(100) NOT NULL, "previous_secret" character varying(100), "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "failing_since" TIMESTAMP WITH TIME ZONE, "client_id" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_054c4cfb95223732f5939d2d546" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "event_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" character varying(40) NOT NULL, "channel" character varying(8) NOT NULL, "endpoint_id" uuid, "status" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "leased_until" TIMESTAMP WITH TIME ZONE, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_status" smallint, "last_error" text, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca0ffb54b343624dfb988080657" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_event_deliveries_endpoint_created" ON "event_deliveries"  ("endpoint_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_event_deliveries_due" ON "event_deliveries"  ("endpoint_id", "next_attempt_at") WHERE status = \'pending\'',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_event_deliveries_event_broker" ON "event_deliveries"  ("event_id") WHERE channel = \'amqp\'',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_event_deliveries_event_endpoint" ON "event_deliveries"  ("event_id", "endpoint_id") WHERE endpoint_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "delivery_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" smallint, "error" text, "duration_ms" integer NOT NULL, CONSTRAINT "PK_41eba4eb5401d72860f7cd9a7ac" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_delivery_attempts_delivery_at" ON "delivery_attempts"  ("delivery_id", "at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD "event_sequence" integer NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query(
      'ALTER TABLE "events" ADD CONSTRAINT "fk_events_payment" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "event_deliveries" ADD CONSTRAINT "fk_event_deliveries_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "event_deliveries" ADD CONSTRAINT "fk_event_deliveries_endpoint" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "delivery_attempts" ADD CONSTRAINT "fk_delivery_attempts_delivery" FOREIGN KEY ("delivery_id") REFERENCES "event_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "delivery_attempts" DROP CONSTRAINT "fk_delivery_attempts_delivery"',
    );
    await queryRunner.query(
      'ALTER TABLE "event_deliveries" DROP CONSTRAINT "fk_event_deliveries_endpoint"',
    );
    await queryRunner.query(
      'ALTER TABLE "event_deliveries" DROP CONSTRAINT "fk_event_deliveries_event"',
    );
    await queryRunner.query('ALTER TABLE "events" DROP CONSTRAINT "fk_events_payment"');
    await queryRunner.query('ALTER TABLE "payments" DROP COLUMN "event_sequence"');
    await queryRunner.query('DROP INDEX "public"."ix_delivery_attempts_delivery_at"');
    await queryRunner.query('DROP TABLE "delivery_attempts"');
    await queryRunner.query('DROP INDEX "public"."uq_event_deliveries_event_endpoint"');
    await queryRunner.query('DROP INDEX "public"."uq_event_deliveries_event_broker"');
    await queryRunner.query('DROP INDEX "public"."ix_event_deliveries_due"');
    await queryRunner.query('DROP INDEX "public"."ix_event_deliveries_endpoint_created"');
    await queryRunner.query('DROP TABLE "event_deliveries"');
    await queryRunner.query('DROP TABLE "webhook_endpoints"');
    await queryRunner.query('DROP INDEX "public"."ix_events_created_at"');
    await queryRunner.query('DROP INDEX "public"."ix_events_feed"');
    await queryRunner.query('DROP INDEX "public"."ix_events_payment_sequence"');
    await queryRunner.query('DROP TABLE "events"');
  }
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** Query MultiSafepay appends to notification_url (docs/multisafepay.md#notifications). */
export class WebhookQueryDto {
  @ApiProperty({
    description: 'Our order id (MultiSafepay calls it transactionid)',
    example: 'shop-1234',
  })
  @Matches(/^[A-Za-z0-9._:-]{1,50}$/, { message: 'transactionid must be one of our order ids' })
  transactionid!: string;

  @ApiPropertyOptional({ description: 'Unix seconds', example: '1700000000' })
  @IsOptional()
  @Matches(/^\d{1,12}$/, { message: 'timestamp must be Unix seconds' })
  timestamp?: string;

  @ApiPropertyOptional({ description: 'pretransaction deliveries are acknowledged and ignored' })
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/)
  payload_type?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/)
  identifier?: string;
}

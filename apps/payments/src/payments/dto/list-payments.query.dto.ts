import { PAYMENT_STATUSES, type PaymentStatus } from '@app/payments';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

export class ListPaymentsQueryDto {
  @ApiPropertyOptional({ example: 'shop-1234' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,50}$/, {
    message: 'orderId must be 1 to 50 characters of A-Z, a-z, 0-9, . _ : -',
  })
  orderId?: string;

  @ApiPropertyOptional({
    example: '4111',
    description:
      "Finds payments by our id, orderId, MultiSafepay transaction id, or the card's last 4 digits " +
      '(combine with createdFrom/createdTo to narrow a last-4 search)',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,50}$/, {
    message: 'q must be 1 to 50 characters of A-Z, a-z, 0-9, . _ : -',
  })
  q?: string;

  @ApiPropertyOptional({ enum: PAYMENT_STATUSES })
  @IsOptional()
  @IsIn(PAYMENT_STATUSES)
  status?: PaymentStatus;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'createdAt ≥ this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'createdFrom must be an ISO-8601 date-time' })
  createdFrom?: Date;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'createdAt < this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'createdTo must be an ISO-8601 date-time' })
  createdTo?: Date;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @MaxLength(200)
  cursor?: string;
}

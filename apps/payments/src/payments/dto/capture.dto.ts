import { CAPTURE_STATUSES, type CaptureStatus, type CaptureResource } from '@app/payments';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_AMOUNT } from './create-payment.dto.js';

export class CreateCaptureDto {
  @ApiPropertyOptional({
    example: 600,
    description: 'Minor units; omitted: everything still capturable (a full capture)',
  })
  @IsOptional()
  @IsInt({ message: 'amount must be a positive integer (minor units)' })
  @Min(1, { message: 'amount must be a positive integer (minor units)' })
  @Max(MAX_AMOUNT, { message: `amount must not exceed ${MAX_AMOUNT}` })
  amount?: number;

  @ApiPropertyOptional({ example: 'Shipment 1 of 2' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  description?: string;
}

class CaptureGatewayDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'cap-5d1c0e3f9a2b4c6d7e8f9a0b',
    description: "MultiSafepay's order id for the capture (refunds of it may name it)",
  })
  orderId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '17472052901238000' })
  transactionId!: string | null;
}

class CaptureErrorDto {
  @ApiProperty({ example: 'GATEWAY_REJECTED' }) code!: string;
  @ApiProperty() message!: string;
}

export class CaptureResponseDto implements CaptureResource {
  @ApiProperty({ example: '5b0e1f3c-2a4d-4b6e-8f0a-1c2d3e4f5a6b' }) id!: string;
  @ApiProperty() paymentId!: string;
  @ApiProperty({ example: 600 }) amount!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Shipment 1 of 2' })
  description!: string | null;

  @ApiProperty({
    enum: CAPTURE_STATUSES,
    example: 'succeeded',
    description:
      '`succeeded`: captured; `failed`: MultiSafepay refused it (nothing captured); `unknown`: the ' +
      'outcome is not known yet: retry with the same Idempotency-Key to settle it',
  })
  status!: CaptureStatus;

  @ApiProperty({ type: CaptureGatewayDto }) gateway!: CaptureGatewayDto;
  @ApiProperty({ type: CaptureErrorDto, nullable: true }) error!: CaptureErrorDto | null;
  @ApiProperty({ example: 'shop', description: 'The name of the API key that asked for it' })
  requestedBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CaptureListResponseDto {
  @ApiProperty({ type: [CaptureResponseDto] }) data!: CaptureResponseDto[];
}

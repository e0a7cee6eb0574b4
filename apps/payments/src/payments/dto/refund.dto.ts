import { REFUND_STATUSES, type RefundStatus, type RefundResource } from '@app/payments';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_AMOUNT } from './create-payment.dto.js';

export class CreateRefundDto {
  @ApiPropertyOptional({
    example: 400,
    description: 'Minor units; omitted: everything that remains',
  })
  @IsOptional()
  @IsInt({ message: 'amount must be a positive integer (minor units)' })
  @Min(1, { message: 'amount must be a positive integer (minor units)' })
  @Max(MAX_AMOUNT, { message: `amount must not exceed ${MAX_AMOUNT}` })
  amount?: number;

  @ApiPropertyOptional({ example: 'Returned one item' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  description?: string;
}

class RefundGatewayDto {
  @ApiProperty({ nullable: true, type: String, example: '17472052901238000' }) transactionId!:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: '17472052901238001' }) refundId!:
    string | null;
}

class RefundErrorDto {
  @ApiProperty({ example: 'GATEWAY_REJECTED' }) code!: string;
  @ApiProperty() message!: string;
}

export class RefundResponseDto implements RefundResource {
  @ApiProperty({ example: '0b6d3c55-5a6e-4a4f-9a66-5a1f3d1c2b7e' }) id!: string;
  @ApiProperty() paymentId!: string;
  @ApiProperty({ example: 400 }) amount!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;

  @ApiProperty({
    enum: REFUND_STATUSES,
    example: 'reserved',
    description:
      'reserved: accepted by MultiSafepay; failed: refused (see error); unknown: retry with the same key',
  })
  status!: RefundStatus;

  @ApiProperty({ type: RefundGatewayDto }) gateway!: RefundGatewayDto;
  @ApiProperty({ type: RefundErrorDto, nullable: true }) error!: RefundErrorDto | null;
  @ApiProperty({ example: 'shop', description: 'The name of the API key that asked for it' })
  requestedBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class RefundListResponseDto {
  @ApiProperty({ type: [RefundResponseDto] }) data!: RefundResponseDto[];
}

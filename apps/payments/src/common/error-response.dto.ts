import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/** VALIDATION_FAILED: one entry per bad field. */
export class FieldProblemDto {
  @ApiProperty({ example: 'amount', description: 'The field, dotted for nested ones' })
  field!: string;

  @ApiProperty({ example: ['amount must be a positive integer (minor units)'] })
  messages!: string[];
}

/** GATEWAY_REJECTED: what MultiSafepay answered. */
export class GatewayRejectionDto {
  @ApiProperty({ example: 1034, description: "MultiSafepay's error_code" })
  gatewayCode!: number;

  @ApiProperty({ example: 'Cannot refund: the order is not completed' })
  gatewayMessage!: string;
}

/** REFUND_EXCEEDS_REMAINING. */
export class RefundExcessDto {
  @ApiProperty({ example: 1200 }) requested!: number;
  @ApiProperty({ example: 600, description: 'Minor units still refundable' }) remaining!: number;
}

/** CAPTURE_EXCEEDS_AUTHORIZED. */
export class CaptureExcessDto {
  @ApiProperty({ example: 1200 }) requested!: number;
  @ApiProperty({ example: 400, description: 'Minor units still capturable' }) capturable!: number;
}

@ApiExtraModels(FieldProblemDto, GatewayRejectionDto, RefundExcessDto, CaptureExcessDto)
export class ErrorDetailDto {
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' })
  code!: string;

  @ApiProperty({ example: 'Invalid request: amount must be a positive integer (minor units)' })
  message!: string;

  @ApiPropertyOptional({
    description:
      'Only with some codes: VALIDATION_FAILED names each bad field; GATEWAY_REJECTED carries ' +
      "MultiSafepay's code and text; REFUND_EXCEEDS_REMAINING and CAPTURE_EXCEEDS_AUTHORIZED " +
      'what was asked and what is left',
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldProblemDto) } },
      { $ref: getSchemaPath(GatewayRejectionDto) },
      { $ref: getSchemaPath(RefundExcessDto) },
      { $ref: getSchemaPath(CaptureExcessDto) },
    ],
    example: [{ field: 'amount', messages: ['amount must be a positive integer (minor units)'] }],
  })
  details?: FieldProblemDto[] | GatewayRejectionDto | RefundExcessDto | CaptureExcessDto;
}

export class ErrorResponseDto {
  @ApiProperty({ type: ErrorDetailDto })
  error!: ErrorDetailDto;

  @ApiProperty({ example: '0f8e5c1e-9d1b-4a53-b0e1-3f8f0f5b2c11' })
  requestId!: string;
}

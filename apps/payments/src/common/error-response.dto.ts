import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' })
  code!: string;

  @ApiProperty({ example: 'Invalid request: amount must be a positive integer (minor units)' })
  message!: string;

  @ApiPropertyOptional({
    description:
      'Per-field problems for VALIDATION_FAILED; gateway code and text for GATEWAY_REJECTED',
    example: [{ field: 'amount', messages: ['must be a positive integer (minor units)'] }],
  })
  details?: unknown;
}

export class ErrorResponseDto {
  @ApiProperty({ type: ErrorDetailDto })
  error!: ErrorDetailDto;

  @ApiProperty({ example: '0f8e5c1e-9d1b-4a53-b0e1-3f8f0f5b2c11' })
  requestId!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' }) status!: 'up' | 'down';

  @ApiPropertyOptional({ example: 7, description: 'How long the check took, in ms' })
  responseTime?: number;
}

/** The body of a passing check (a failing one answers 503 with the error body). */
export class HealthResultDto {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status!: 'ok';

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/HealthIndicatorDto' },
    example: { database: { status: 'up' } },
    description: 'The indicators that are up, by name',
  })
  info!: Record<string, HealthIndicatorDto>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/HealthIndicatorDto' },
    example: {},
    description: 'The indicators that are down (none when the check passes)',
  })
  error!: Record<string, HealthIndicatorDto>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/HealthIndicatorDto' },
    example: { database: { status: 'up' } },
    description: 'Every indicator, by name',
  })
  details!: Record<string, HealthIndicatorDto>;
}

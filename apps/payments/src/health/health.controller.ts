import { Controller, Get } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { HealthIndicatorDto, HealthResultDto } from './health.dto.js';
import { Readiness } from './readiness.js';

/** On the public port while MANAGEMENT_PORT is set, /health and /metrics are not served. */
export const ON_PUBLIC_PORT = 'ROUTE_NOT_FOUND: MANAGEMENT_PORT is set and this is the public port';

/** Documented here rather than by terminus: a failing check answers the service's error body. */
const healthCheck = () => HealthCheck({ noCache: true, swaggerDocumentation: false });

@ApiTags('health')
@ApiExtraModels(HealthIndicatorDto)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: Readiness,
  ) {}

  @Get('live')
  @ApiOperation({
    operationId: 'getLiveness',
    summary: 'Liveness: the process answers HTTP',
    security: [],
  })
  @ApiOkResponse({ type: HealthResultDto })
  @ApiNotFoundResponse({ description: ON_PUBLIC_PORT, type: ErrorResponseDto })
  @healthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Readiness: the database answers within 2 s',
    security: [],
  })
  @ApiOkResponse({ type: HealthResultDto })
  @ApiNotFoundResponse({ description: ON_PUBLIC_PORT, type: ErrorResponseDto })
  @ApiServiceUnavailableResponse({
    description: 'SERVICE_UNAVAILABLE: the database did not answer in time',
    type: ErrorResponseDto,
  })
  @healthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.readiness.check();
  }
}

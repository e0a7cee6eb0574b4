import { Module, type OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MetricsService } from '../metrics/metrics.service.js';
import { HealthController } from './health.controller.js';
import { Readiness } from './readiness.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [Readiness],
})
export class HealthModule implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly readiness: Readiness,
  ) {}

  onModuleInit(): void {
    this.metrics.measureReadiness(() => this.readiness.ready());
  }
}

import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { databaseConfig, DatabaseModule } from '@app/database';
import { PaymentsModule } from '@app/payments';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from './common/logger.js';
import { appConfig, type AppConfig } from './config/app.config.js';
import { authConfig } from './config/auth.config.js';
import { HealthModule } from './health/health.module.js';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [appConfig, databaseConfig, authConfig],
    }),
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: AppConfig) => loggerParams(app),
    }),
    DatabaseModule,
    PaymentsModule,
    HealthModule,
  ],
})
export class AppModule {}

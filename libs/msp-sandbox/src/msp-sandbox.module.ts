import { Module, type DynamicModule } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { ApiCalls } from './api-calls.service.js';
import { ApprovalsService } from './approvals.service.js';
import { CaptureApiController } from './capture-api.controller.js';
import { CapturesService } from './captures.service.js';
import { FaultsService } from './faults.js';
import { SandboxAdminController } from './sandbox-admin.controller.js';
import { SandboxApiController } from './sandbox-api.controller.js';
import { Notifier } from './notifier.js';
import { OrderStore } from './order-store.service.js';
import { OrdersService } from './orders.service.js';
import { RefundsService } from './refunds.service.js';
import { SandboxControlService } from './sandbox-control.service.js';
import {
  MSP_SANDBOX_OPTIONS,
  resolveOptions,
  type MspSandboxOptions,
  type ResolvedSandboxOptions,
} from './sandbox.options.js';
import { ThreeDsService } from './three-ds.service.js';
import { TokensService } from './tokens.service.js';
import { RecurringApiController } from './recurring-api.controller.js';
import { ThreeDsController } from './three-ds.controller.js';

@Module({})
class SandboxStateModule {}

@Module({})
class SandboxRoutesModule {}

@Module({})
class SandboxAdminModule {}

/**
 * An offline MultiSafepay (docs/sandbox.md): the JSON API and the 3-D Secure page under
 * `/<routePrefix>`, and the control surface at `/sandbox-admin`.
 */
@Module({})
export class MspSandboxModule {
  static forRoot(options: MspSandboxOptions): DynamicModule {
    const services = [
      OrderStore,
      CapturesService,
      TokensService,
      ApprovalsService,
      ThreeDsService,
      OrdersService,
      RefundsService,
      SandboxControlService,
      FaultsService,
      ApiCalls,
    ];
    const state: DynamicModule = {
      module: SandboxStateModule,
      providers: [
        { provide: MSP_SANDBOX_OPTIONS, useValue: resolveOptions(options) },
        {
          provide: Notifier,
          useFactory: (resolved: ResolvedSandboxOptions) => new Notifier(resolved),
          inject: [MSP_SANDBOX_OPTIONS],
        },
        ...services,
      ],
      exports: [MSP_SANDBOX_OPTIONS, Notifier, ...services],
    };
    const routes: DynamicModule = {
      module: SandboxRoutesModule,
      imports: [state],
      controllers: [
        SandboxApiController,
        CaptureApiController,
        RecurringApiController,
        ThreeDsController,
      ],
    };
    const admin: DynamicModule = {
      module: SandboxAdminModule,
      imports: [state],
      controllers: [SandboxAdminController],
    };
    const prefix = resolveOptions(options).routePrefix;
    return {
      module: MspSandboxModule,
      imports: [
        state,
        routes,
        admin,
        ...(prefix ? [RouterModule.register([{ path: prefix, module: SandboxRoutesModule }])] : []),
      ],
      exports: [state],
    };
  }
}

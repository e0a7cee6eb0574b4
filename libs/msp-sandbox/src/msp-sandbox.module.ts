import { Module, type DynamicModule } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { FaultsService } from './faults.js';
import { SandboxAdminController } from './sandbox-admin.controller.js';
import { SandboxApiController } from './sandbox-api.controller.js';
import { MSP_SANDBOX_OPTIONS, resolveOptions, type MspSandboxOptions } from './sandbox.options.js';
import { SandboxService } from './sandbox.service.js';
import { ThreeDsController } from './three-ds.controller.js';

@Module({})
class SandboxStateModule {}

@Module({})
class SandboxRoutesModule {}

@Module({})
class SandboxAdminModule {}

/**
 * An offline MultiSafepay (msp-api.md §10): the JSON API and the 3-D Secure page under
 * `/<routePrefix>`, and the control surface at `/sandbox-admin`.
 */
@Module({})
export class MspSandboxModule {
  static forRoot(options: MspSandboxOptions): DynamicModule {
    const state: DynamicModule = {
      module: SandboxStateModule,
      providers: [
        { provide: MSP_SANDBOX_OPTIONS, useValue: resolveOptions(options) },
        SandboxService,
        FaultsService,
      ],
      exports: [SandboxService, FaultsService],
    };
    const routes: DynamicModule = {
      module: SandboxRoutesModule,
      imports: [state],
      controllers: [SandboxApiController, ThreeDsController],
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

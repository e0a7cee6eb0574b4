import { Module } from '@nestjs/common';
import { DemoController } from './demo.controller.js';

/** The sandbox demo checkout; mounted only when MSP_ENV=sandbox. */
@Module({ controllers: [DemoController] })
export class DemoModule {}

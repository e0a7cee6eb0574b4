import { Module } from '@nestjs/common';
import { DemoController } from './demo.controller.js';
import { DemoSubscriber } from './demo-subscriber.js';

/** The sandbox demo checkout and its built-in event subscriber; mounted only when MSP_ENV=sandbox. */
@Module({ controllers: [DemoController], providers: [DemoSubscriber] })
export class DemoModule {}

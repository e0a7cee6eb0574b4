import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CancellationService, toPaymentView } from '@app/payments';
import { RequireScope } from '../auth/api-key.guard.js';
import { ApiErrors } from '../common/api-errors.js';
import { uuidPipe } from '../common/uuid.pipe.js';
import { PaymentResponseDto } from './dto/payment-response.dto.js';

/** Cancel and release: the end of a payment that is not (or not all) captured. */
@ApiTags('payments')
@Controller('v1/payments/:id/cancel')
export class CancelController {
  constructor(private readonly cancellation: CancellationService) {}

  @Post()
  @HttpCode(200)
  @RequireScope('payments:write')
  @ApiOperation({
    operationId: 'cancelPayment',
    summary: 'Cancel a payment still awaiting the shopper, or release an authorization',
    description:
      '`initialized` or `uncleared` payments are cancelled (MultiSafepay: PATCH /orders/{id}): ' +
      '`void`. An `authorized` one (manual capture) has what is left of its authorization ' +
      'released (PATCH /capture/{id}): `void` if nothing was captured, `completed` otherwise.',
  })
  @ApiOkResponse({ type: PaymentResponseDto })
  @ApiErrors(
    'VALIDATION_FAILED: id is not a UUID',
    'PAYMENT_NOT_FOUND',
    'NOT_CANCELLABLE',
    'ILLEGAL_TRANSITION',
    'GATEWAY_REJECTED',
    'GATEWAY_UNAVAILABLE',
    'GATEWAY_TIMEOUT',
  )
  async cancel(@Param('id', uuidPipe) id: string): Promise<PaymentResponseDto> {
    return toPaymentView(await this.cancellation.cancel(id));
  }
}

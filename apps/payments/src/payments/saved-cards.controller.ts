import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SavedCardsService } from '@app/payments';
import { RequireScope } from '../auth/api-key.guard.js';
import { ApiErrors } from '../common/api-errors.js';
import {
  CUSTOMER_REFERENCE,
  CustomerReferenceParamDto,
  SAVED_CARD_ID,
  SavedCardListResponseDto,
  SavedCardParamsDto,
  SavedCardResponseDto,
} from './dto/saved-card.dto.js';

@ApiTags('saved cards')
@Controller('v1/customers/:reference/saved-cards')
@ApiParam({
  name: 'reference',
  description: 'The customer reference the cards were saved for (`recurring.customerReference`)',
  schema: { type: 'string', pattern: CUSTOMER_REFERENCE.source, example: 'cust-42' },
})
export class SavedCardsController {
  constructor(private readonly savedCards: SavedCardsService) {}

  @Get()
  @RequireScope('payments:read')
  @ApiOperation({
    operationId: 'listSavedCards',
    summary: "A customer's saved cards",
    description:
      'Cards saved by first payments with `recurring`, newest first; deleted ones ' +
      'are left out. Never the token: it stays in the service, encrypted.',
  })
  @ApiOkResponse({ type: SavedCardListResponseDto })
  @ApiErrors('VALIDATION_FAILED: reference malformed')
  async list(@Param() params: CustomerReferenceParamDto): Promise<SavedCardListResponseDto> {
    return { data: await this.savedCards.list(params.reference) };
  }

  @Delete(':id')
  @HttpCode(200)
  @RequireScope('payments:write')
  @ApiOperation({
    operationId: 'deleteSavedCard',
    summary: 'Delete a saved card',
    description:
      'Deletes the token at MultiSafepay, then marks the card deleted (its encrypted token is ' +
      'wiped). A payment with it is then refused with 409 SAVED_CARD_DELETED. Deleting it again ' +
      'answers the deleted card.',
  })
  @ApiParam({
    name: 'id',
    description: 'The saved card (`savedCard.id` of the payment that saved it)',
    schema: {
      type: 'string',
      pattern: SAVED_CARD_ID.source,
      example: 'card_4qkxw6d2nbm5tq3zjv7c2rrh5e',
    },
  })
  @ApiOkResponse({ type: SavedCardResponseDto })
  @ApiErrors(
    'VALIDATION_FAILED: reference or id malformed',
    "SAVED_CARD_NOT_FOUND: also for another customer's card",
    'GATEWAY_REJECTED',
    'GATEWAY_UNAVAILABLE: the card is kept; retry',
    'GATEWAY_TIMEOUT: the card is kept; retry',
    "SAVED_CARD_UNREADABLE: the card's token cannot be decrypted (TOKEN_ENCRYPTION_KEY)",
  )
  delete(@Param() params: SavedCardParamsDto): Promise<SavedCardResponseDto> {
    return this.savedCards.delete(params.reference, params.id);
  }
}

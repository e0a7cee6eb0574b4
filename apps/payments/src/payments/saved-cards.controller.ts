import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiBadRequestResponse,
  ApiGatewayTimeoutResponse,
} from '@nestjs/swagger';
import { SavedCardsService } from '@app/payments';
import { RequireScope } from '../auth/api-key.guard.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import {
  CustomerReferenceParamDto,
  SavedCardListResponseDto,
  SavedCardParamsDto,
  SavedCardResponseDto,
} from './dto/saved-card.dto.js';

@ApiTags('saved cards')
@Controller('v1/customers/:reference/saved-cards')
@ApiBadRequestResponse({
  description: 'VALIDATION_FAILED (reference or id malformed)',
  type: ErrorResponseDto,
})
export class SavedCardsController {
  constructor(private readonly savedCards: SavedCardsService) {}

  @Get()
  @RequireScope('payments:read')
  @ApiOperation({
    summary: "A customer's saved cards",
    description:
      'Cards saved by first payments with `recurring`, newest first; deleted ones ' +
      'are left out. Never the token: it stays in the service, encrypted.',
  })
  @ApiOkResponse({ type: SavedCardListResponseDto })
  async list(@Param() params: CustomerReferenceParamDto): Promise<SavedCardListResponseDto> {
    return { data: await this.savedCards.list(params.reference) };
  }

  @Delete(':id')
  @HttpCode(200)
  @RequireScope('payments:write')
  @ApiOperation({
    summary: 'Delete a saved card',
    description:
      'Deletes the token at MultiSafepay, then marks the card deleted (its encrypted token is ' +
      'wiped). A payment with it is then refused with 409 SAVED_CARD_DELETED. Deleting it again ' +
      'answers the deleted card.',
  })
  @ApiOkResponse({ type: SavedCardResponseDto })
  @ApiNotFoundResponse({
    description: "SAVED_CARD_NOT_FOUND (also for another customer's card)",
    type: ErrorResponseDto,
  })
  @ApiBadGatewayResponse({ description: 'GATEWAY_REJECTED', type: ErrorResponseDto })
  @ApiServiceUnavailableResponse({
    description: 'GATEWAY_UNAVAILABLE: the card is kept; retry',
    type: ErrorResponseDto,
  })
  @ApiGatewayTimeoutResponse({
    description: 'GATEWAY_TIMEOUT: the card is kept; retry',
    type: ErrorResponseDto,
  })
  delete(@Param() params: SavedCardParamsDto): Promise<SavedCardResponseDto> {
    return this.savedCards.delete(params.reference, params.id);
  }
}

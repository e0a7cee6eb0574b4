import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrorsWithoutDatabase } from '../common/api-errors.js';
import { SCOPES, type ApiClient, type Scope } from '../config/auth.config.js';
import { CurrentClient, RequireApiKey } from './api-key.guard.js';

export class MeResponseDto {
  @ApiProperty({ example: 'support', description: 'The name of the API key (API_KEYS)' })
  name!: string;

  @ApiProperty({
    enum: SCOPES,
    isArray: true,
    example: ['payments:read', 'events:read'],
    description:
      'What the key may do. `admin` includes every other scope, and the list then names them all.',
  })
  scopes!: Scope[];
}

/** Who the caller is: lets a client (the operators' console) offer only what the key may do. */
@ApiTags('auth')
@Controller('v1/me')
export class MeController {
  @Get()
  @RequireApiKey()
  @ApiOperation({
    operationId: 'getMe',
    summary: "The calling API key's name and scopes",
    description: 'Never the secret. Any valid key may ask; no scope is needed.',
  })
  @ApiOkResponse({ type: MeResponseDto })
  @ApiErrorsWithoutDatabase()
  me(@CurrentClient() client: ApiClient): MeResponseDto {
    const admin = client.scopes.has('admin');
    return { name: client.name, scopes: SCOPES.filter((s) => admin || client.scopes.has(s)) };
  }
}

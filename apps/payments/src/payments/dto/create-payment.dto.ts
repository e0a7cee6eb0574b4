import {
  detectBrand,
  RECURRING_MODELS,
  type PaymentMetadata,
  type RecurringModel,
} from '@app/payments';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsIP,
  IsISO31661Alpha2,
  IsISO4217CurrencyCode,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ExcludesSibling,
  IsCardNumber,
  IsFlatMetadata,
  IsNotExpired,
  NotWithManualCapture,
} from './validators.js';
import {
  CUSTOMER_REFERENCE,
  CUSTOMER_REFERENCE_MESSAGE,
  SAVED_CARD_ID,
  SAVED_CARD_ID_MESSAGE,
} from './saved-card.dto.js';

/** Largest amount accepted, in minor units (fits PostgreSQL `integer` with room to refund). */
export const MAX_AMOUNT = 99_999_999;

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CardDto {
  @ApiProperty({
    example: '4111111111111111',
    description: 'PAN; never stored, logged or returned',
  })
  @IsCardNumber()
  number!: string;

  @ApiProperty({ example: 'J. Jansen' })
  @IsString()
  @Length(1, 100)
  holder!: string;

  @ApiProperty({ example: 12, minimum: 1, maximum: 12 })
  @IsInt()
  @Min(1)
  @Max(12)
  expiryMonth!: number;

  @ApiProperty({ example: 2030, description: 'Four digits; with expiryMonth not in the past' })
  @IsInt()
  @Min(2000)
  @Max(2099)
  @IsNotExpired()
  expiryYear!: number;

  @ApiPropertyOptional({ example: '123', description: '3–4 digits; required except for Maestro' })
  @ValidateIf(
    (card: CardDto) => card.cvc !== undefined || detectBrand(String(card.number)) !== 'MAESTRO',
  )
  @IsString()
  @Matches(/^\d{3,4}$/, { message: 'cvc must be 3 or 4 digits' })
  cvc?: string;
}

export class BrowserDto {
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() javascriptEnabled?: boolean;
  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean() javaEnabled?: boolean;
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() cookiesEnabled?: boolean;
  @ApiPropertyOptional({ example: 'nl-NL' })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  language?: string;
  @ApiPropertyOptional({ example: 24 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(64)
  screenColorDepth?: number;
  @ApiPropertyOptional({ example: 1080 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  screenHeight?: number;
  @ApiPropertyOptional({ example: 1920 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  screenWidth?: number;
  @ApiPropertyOptional({ example: -60, description: 'Date.getTimezoneOffset(), minutes' })
  @IsOptional()
  @IsInt()
  @Min(-900)
  @Max(900)
  timeZone?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) userAgent?: string;
  @ApiPropertyOptional({ example: 'Linux x86_64' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  platform?: string;
}

export class CustomerDto {
  @ApiProperty({ example: 'j@example.com' })
  @IsEmail()
  @MaxLength(64)
  email!: string;

  @ApiProperty({
    example: '203.0.113.7',
    description: "The shopper's IP (required for card fraud checks)",
  })
  @IsIP()
  ipAddress!: string;

  @ApiPropertyOptional({ example: '198.51.100.2' }) @IsOptional() @IsIP() forwardedIp?: string;
  @ApiPropertyOptional({ example: 'Jan' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  firstName?: string;
  @ApiPropertyOptional({ example: 'Jansen' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  lastName?: string;
  @ApiPropertyOptional({ example: 'nl_NL' })
  @IsOptional()
  @Matches(/^[a-z]{2}_[A-Z]{2}$/, { message: 'locale must look like nl_NL' })
  locale?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) userAgent?: string;
  @ApiPropertyOptional({ example: '0208500500' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(150) address1?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) houseNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) zipCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) city?: string;
  @ApiPropertyOptional({ example: 'NL' }) @IsOptional() @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional({ description: 'Your customer id' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  reference?: string;

  @ApiPropertyOptional({
    type: BrowserDto,
    description: '3-D Secure 2 device data, passed through',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BrowserDto)
  browser?: BrowserDto;
}

export class RecurringDto {
  @ApiProperty({
    enum: RECURRING_MODELS,
    example: 'cardOnFile',
    description:
      '`cardOnFile`: the shopper pays again with one click; `subscription`: charges on a fixed ' +
      'schedule; `unscheduled`: charges you start when something happens (e.g. a top-up). ' +
      'A later payment with the saved card names the same model',
  })
  @IsIn(RECURRING_MODELS, { message: `model must be one of ${RECURRING_MODELS.join(', ')}` })
  model!: RecurringModel;

  @ApiProperty({
    example: 'cust-42',
    description:
      'Your customer id (1–50 of [A-Za-z0-9._:@-]): the card is saved under it, and only it ' +
      'can pay with the card',
  })
  @IsString({ message: CUSTOMER_REFERENCE_MESSAGE })
  @Matches(CUSTOMER_REFERENCE, { message: CUSTOMER_REFERENCE_MESSAGE })
  customerReference!: string;
}

export class CreatePaymentDto {
  @ApiProperty({
    example: 'shop-1234',
    description: 'Your order id: unique, 1–50 of [A-Za-z0-9._:-]',
  })
  @Matches(/^[A-Za-z0-9._:-]{1,50}$/, {
    message: 'orderId must be 1 to 50 characters of A-Z, a-z, 0-9, . _ : -',
  })
  orderId!: string;

  @ApiProperty({ example: 1000, description: 'Integer minor units (EUR 10.00 = 1000)' })
  @IsInt({ message: 'amount must be a positive integer (minor units)' })
  @Min(1, { message: 'amount must be a positive integer (minor units)' })
  @Max(MAX_AMOUNT, { message: `amount must not exceed ${MAX_AMOUNT}` })
  amount!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO-4217 code, upper case' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO-4217 code' })
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO-4217 code' })
  currency!: string;

  @ApiProperty({ example: 'Order #1234', description: 'Shown on the statement; 1–200 characters' })
  @IsString()
  @Length(1, 200)
  description!: string;

  @ApiPropertyOptional({ type: CardDto, description: 'Required unless `savedCardId` is given' })
  @ValidateIf((o: CreatePaymentDto) => o.savedCardId === undefined || o.card !== undefined)
  @IsDefined({ message: 'card is required unless savedCardId is given' })
  @IsObject()
  @ValidateNested()
  @Type(() => CardDto)
  card?: CardDto;

  @ApiPropertyOptional({
    type: CustomerDto,
    description: 'Required with `card`; optional with `savedCardId` (no shopper present)',
  })
  @ValidateIf((o: CreatePaymentDto) => o.savedCardId === undefined || o.customer !== undefined)
  @IsDefined({ message: 'customer is required unless savedCardId is given' })
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerDto)
  customer?: CustomerDto;

  @ApiPropertyOptional({
    type: RecurringDto,
    description:
      'With `card`: save the card for later payments; once MultiSafepay keeps it, ' +
      "the payment shows `savedCard`. With `savedCardId`: required, naming the card's customer " +
      'and model',
  })
  @ValidateIf((o: CreatePaymentDto) => o.savedCardId !== undefined || o.recurring !== undefined)
  @IsDefined({ message: 'recurring (model and customerReference) is required with savedCardId' })
  @IsObject()
  @ValidateNested()
  @Type(() => RecurringDto)
  recurring?: RecurringDto;

  @ApiPropertyOptional({
    example: 'card_4qkxw6d2nbm5tq3zjv7c2rrh5e',
    description:
      'Pay with a saved card instead of `card`: no card data, no CVC, no 3-D Secure; the ' +
      'answer is final (`completed` or `declined`). `recurring.customerReference` must be the ' +
      "card's customer",
  })
  @ValidateIf((o: CreatePaymentDto) => o.savedCardId !== undefined)
  @IsString({ message: SAVED_CARD_ID_MESSAGE })
  @Matches(SAVED_CARD_ID, { message: SAVED_CARD_ID_MESSAGE })
  @ExcludesSibling('card', 'savedCardId and card are mutually exclusive: give one of them')
  @NotWithManualCapture()
  savedCardId?: string;

  @ApiPropertyOptional({ example: 'https://shop.example/thanks' })
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'redirectUrl must be an absolute http(s) URL' })
  @MaxLength(2000)
  redirectUrl?: string;

  @ApiPropertyOptional({ example: 'https://shop.example/cancel' })
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'cancelUrl must be an absolute http(s) URL' })
  @MaxLength(2000)
  cancelUrl?: string;

  @ApiPropertyOptional({
    enum: ['automatic', 'manual'],
    default: 'automatic',
    description:
      '`manual`: authorize now, capture later (Visa, Mastercard, Maestro). The payment becomes ' +
      '`authorized`; take the money with POST /v1/payments/{id}/captures, release the rest with ' +
      'POST /v1/payments/{id}/cancel',
  })
  @IsOptional()
  @IsIn(['automatic', 'manual'], { message: 'captureMode must be automatic or manual' })
  captureMode?: 'automatic' | 'manual';

  @ApiPropertyOptional({ enum: ['GET', 'POST'], description: 'Default: MSP_NOTIFICATION_METHOD' })
  @IsOptional()
  @IsIn(['GET', 'POST'])
  notificationMethod?: 'GET' | 'POST';

  @ApiPropertyOptional({ example: { cartId: 'c-9' } })
  @IsOptional()
  @IsFlatMetadata()
  metadata?: PaymentMetadata;
}

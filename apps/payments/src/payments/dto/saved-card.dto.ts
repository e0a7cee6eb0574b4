import { RECURRING_MODELS, type RecurringModel, type SavedCardView } from '@app/payments';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** A customer reference: MultiSafepay's `customer.reference`, at most 50 characters. */
export const CUSTOMER_REFERENCE = /^[A-Za-z0-9._:@-]{1,50}$/;
export const CUSTOMER_REFERENCE_MESSAGE =
  'customerReference must be 1 to 50 characters of A-Z, a-z, 0-9, . _ : @ -';
/** Our saved card ids: `card_` + 26 base32 characters. */
export const SAVED_CARD_ID = /^card_[a-z2-7]{26}$/;
export const SAVED_CARD_ID_MESSAGE = 'savedCardId must look like card_ followed by 26 characters';

/** On a payment: the card it saved or paid with. */
export class PaymentSavedCardDto {
  @ApiProperty({ example: 'card_4qkxw6d2nbm5tq3zjv7c2rrh5e' }) id!: string;
  @ApiProperty({ example: 'VISA', nullable: true, type: String }) brand!: string | null;
  @ApiProperty({ example: '3335', nullable: true, type: String }) last4!: string | null;
  @ApiProperty({ example: 12, nullable: true, type: Number }) expiryMonth!: number | null;
  @ApiProperty({ example: 2030, nullable: true, type: Number }) expiryYear!: number | null;
  @ApiProperty({ enum: RECURRING_MODELS, example: 'cardOnFile' }) model!: RecurringModel;
}

export class SavedCardResponseDto implements SavedCardView {
  @ApiProperty({ example: 'card_4qkxw6d2nbm5tq3zjv7c2rrh5e' }) id!: string;
  @ApiProperty({ example: 'cust-42' }) customerReference!: string;
  @ApiProperty({ example: 'VISA', nullable: true, type: String }) brand!: string | null;
  @ApiProperty({ example: '3335', nullable: true, type: String }) last4!: string | null;
  @ApiProperty({ example: 12, nullable: true, type: Number }) expiryMonth!: number | null;
  @ApiProperty({ example: 2030, nullable: true, type: Number }) expiryYear!: number | null;
  @ApiProperty({ enum: RECURRING_MODELS, example: 'cardOnFile' }) model!: RecurringModel;
  @ApiProperty({ enum: ['active', 'deleted'], example: 'active' }) status!: 'active' | 'deleted';

  @ApiProperty({
    example: '6f1c2a4e-8d0b-4f3a-9f51-0c1d2e3f4a5b',
    nullable: true,
    type: String,
    description: 'The first payment, which saved the card',
  })
  paymentId!: string | null;

  @ApiProperty({ example: '2026-11-24T14:00:00.000Z' }) createdAt!: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  deletedAt!: string | null;
}

export class SavedCardListResponseDto {
  @ApiProperty({ type: [SavedCardResponseDto], description: 'Active cards, newest first' })
  data!: SavedCardResponseDto[];
}

export class CustomerReferenceParamDto {
  @ApiProperty({ example: 'cust-42', description: 'The customer the cards are filed under' })
  @Matches(CUSTOMER_REFERENCE, {
    message: CUSTOMER_REFERENCE_MESSAGE.replace('customerReference', 'reference'),
  })
  reference!: string;
}

export class SavedCardParamsDto extends CustomerReferenceParamDto {
  @ApiProperty({ example: 'card_4qkxw6d2nbm5tq3zjv7c2rrh5e' })
  @Matches(SAVED_CARD_ID, { message: SAVED_CARD_ID_MESSAGE.replace('savedCardId', 'id') })
  id!: string;
}

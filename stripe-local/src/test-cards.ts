/**
 * Stripe's test PaymentMethods (https://docs.stripe.com/testing), the ones a test or a developer needs:
 * cards that succeed and cards that are declined. Confirming with one of these ids behaves as at Stripe
 * in test mode; other ids are unknown here, as a card number would be (we never see card data).
 */
export interface TestCard {
  brand: 'visa' | 'mastercard' | 'amex';
  last4: string;
  funding: 'credit' | 'debit';
  /** The issuing country (ISO 3166-1 alpha-2); US when absent. */
  country?: string;
  /** What the issuer answers; absent, the charge succeeds. */
  decline?: { code: string; decline_code: string; message: string };
}

const declined = (decline_code: string, message: string, code = 'card_declined') => ({ code, decline_code, message });

export const TEST_CARDS: Record<string, TestCard> = {
  pm_card_visa: { brand: 'visa', last4: '4242', funding: 'credit' },
  pm_card_visa_debit: { brand: 'visa', last4: '5556', funding: 'debit' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', funding: 'credit' },
  pm_card_amex: { brand: 'amex', last4: '8431', funding: 'credit' },
  // Stripe's international test cards: issued outside the US.
  pm_card_gb: { brand: 'visa', last4: '0000', funding: 'credit', country: 'GB' },
  pm_card_ca: { brand: 'visa', last4: '0000', funding: 'credit', country: 'CA' },
  pm_card_de: { brand: 'visa', last4: '0016', funding: 'credit', country: 'DE' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', funding: 'credit', decline: declined('generic_decline', 'Your card was declined.') },
  pm_card_chargeDeclinedInsufficientFunds: {
    brand: 'visa',
    last4: '9995',
    funding: 'credit',
    decline: declined('insufficient_funds', 'Your card has insufficient funds.'),
  },
  pm_card_chargeDeclinedExpiredCard: {
    brand: 'visa',
    last4: '0069',
    funding: 'credit',
    decline: declined('expired_card', 'Your card has expired.', 'expired_card'),
  },
};

import { describe, expect, it } from 'vitest';
import { declineMessageFor } from './decline-message';

describe('declineMessageFor', () => {
  it('prefers the decline code, so insufficient funds reads as such and not as a generic decline', () => {
    expect(declineMessageFor({ type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' })).toEqual({ key: 'insufficient_funds' });
    expect(declineMessageFor({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' })).toEqual({ key: 'generic_decline' });
  });

  it('maps a failed 3-D Secure challenge to the authentication message', () => {
    expect(declineMessageFor({ type: 'invalid_request_error', code: 'payment_intent_authentication_failure' })).toEqual({ key: 'authentication_failed' });
  });

  it('keeps the Element validation message and falls back to the generic sentence for unknown codes', () => {
    expect(declineMessageFor({ type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.' })).toEqual({
      text: 'Your card number is incomplete.',
    });
    expect(declineMessageFor({ type: 'card_error', code: 'something_new' })).toEqual({ key: 'generic_decline' });
  });
});

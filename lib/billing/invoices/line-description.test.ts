import { describe, expect, it } from 'vitest';
import { describeLine, describeMirroredLine, describeQuoteLine, lineOriginOf, type DescribableLine, type LineCatalog } from './line-description';

const team: LineCatalog = {
  productName: 'Team',
  productMetadata: { name_ja: 'チーム' },
  priceNickname: 'Team (monthly, per seat)',
  priceMetadata: { nickname_ja: 'チーム（月払い、1席あたり）' },
};
const day = (value: Date) => value.toISOString().slice(0, 10);
const changedOn = new Date('2026-12-07T03:00:00Z');

function line(overrides: Partial<DescribableLine> = {}): DescribableLine {
  return {
    description: '5 × Team (at ¥1,200 / month)',
    amount: 6000,
    quantity: 5,
    periodStart: new Date('2026-11-30T00:00:00Z'),
    origin: 'subscription',
    catalog: team,
    ...overrides,
  };
}

describe('describeLine', () => {
  it('describes a subscription line in English by its price’s name too, leaving the quantity to its column', () => {
    // Stripe's "5 × Team (at ¥1,200 / month)" beside a quantity column of 5 would name the quantity twice.
    expect(describeLine(line(), 'en', day)).toBe('Team (monthly, per seat)');
    expect(describeLine(line(), 'en', day, { withQuantity: true })).toBe('Team (monthly, per seat) × 5');
    const credit = line({ origin: 'proration', amount: -3000, periodStart: changedOn, description: 'Unused time on 5 × Team after 7 Dec 2026' });
    expect(describeLine(credit, 'en', day)).toBe('Unused time on Team (monthly, per seat) from 2026-12-07');
    expect(describeLine({ ...credit, amount: 3000 }, 'en', day, { withQuantity: true })).toBe('Remaining time on Team (monthly, per seat) × 5 from 2026-12-07');
    expect(describeLine(line({ catalog: null }), 'en', day)).toBe('5 × Team (at ¥1,200 / month)');
  });

  it('describes a subscription line in Japanese by its price’s Japanese name, leaving the quantity to its column', () => {
    expect(describeLine(line(), 'ja', day)).toBe('チーム（月払い、1席あたり）');
  });

  it('names the quantity where no quantity column stands beside the text, except a quantity of one', () => {
    expect(describeLine(line(), 'ja', day, { withQuantity: true })).toBe('チーム（月払い、1席あたり） × 5');
    expect(describeLine(line({ quantity: 1 }), 'ja', day, { withQuantity: true })).toBe('チーム（月払い、1席あたり）');
    expect(describeLine(line({ quantity: 12500 }), 'ja', day, { withQuantity: true })).toBe('チーム（月払い、1席あたり） × 12,500');
  });

  it('says which part of the period a proration credits or charges, from the date the change took effect', () => {
    const credit = line({ origin: 'proration', amount: -3000, periodStart: changedOn, description: 'Unused time on 5 × Team after 7 Dec 2026' });
    const charge = line({ origin: 'proration', amount: 4000, periodStart: changedOn, description: 'Remaining time on 5 × Team after 7 Dec 2026' });
    expect(describeLine(credit, 'ja', day)).toBe('未使用分（2026-12-07以降）：チーム（月払い、1席あたり）');
    expect(describeLine(charge, 'ja', day, { withQuantity: true })).toBe('残り期間分（2026-12-07以降）：チーム（月払い、1席あたり） × 5');
  });

  it('falls back from the price’s Japanese nickname to the product’s Japanese name, then to the English names', () => {
    expect(describeLine(line({ catalog: { ...team, priceMetadata: {} } }), 'ja', day)).toBe('チーム');
    expect(describeLine(line({ catalog: { ...team, priceMetadata: {}, productMetadata: {} } }), 'ja', day)).toBe('Team (monthly, per seat)');
    expect(describeLine(line({ catalog: { ...team, priceMetadata: null, productMetadata: null, priceNickname: null } }), 'ja', day)).toBe('Team');
  });

  it('keeps Stripe’s text when the catalogue does not know the price, or a proration has no date', () => {
    expect(describeLine(line({ catalog: null }), 'ja', day)).toBe('5 × Team (at ¥1,200 / month)');
    const unknown = { productName: null, productMetadata: null, priceNickname: null, priceMetadata: null };
    expect(describeLine(line({ catalog: unknown }), 'ja', day)).toBe('5 × Team (at ¥1,200 / month)');
    expect(describeLine(line({ origin: 'proration', periodStart: null, description: 'Unused time' }), 'ja', day)).toBe('Unused time');
  });

  it('shows a line someone wrote as written, in every language', () => {
    const written = line({ origin: 'written', description: 'オンサイト研修（半日）', quantity: 1 });
    expect(describeLine(written, 'ja', day)).toBe('オンサイト研修（半日）');
    expect(describeLine(written, 'en', day)).toBe('オンサイト研修（半日）');
    expect(describeLine(line({ origin: 'written', description: null }), 'ja', day)).toBeNull();
  });

  it('names an item Stripe made from a catalogue product (a quote’s one-off line) in the reader’s language', () => {
    const fromQuote = line({ origin: 'written', description: 'Team', quantity: 2 });
    expect(describeLine(fromQuote, 'ja', day)).toBe('チーム');
    expect(describeLine(fromQuote, 'ja', day, { withQuantity: true })).toBe('チーム × 2');
    expect(describeLine(fromQuote, 'en', day)).toBe('Team');
  });

  it('treats a language the portal does not speak as English', () => {
    expect(describeLine(line(), 'fr', day)).toBe('Team (monthly, per seat)');
    expect(describeLine(line({ catalog: null }), 'fr', day)).toBe('5 × Team (at ¥1,200 / month)');
  });
});

describe('lineOriginOf', () => {
  it('tells Stripe’s subscription and proration lines from invoice items someone created', () => {
    const subscriptionItem = (proration: boolean) => ({ type: 'subscription_item_details', subscription_item_details: { proration } });
    const invoiceItem = (proration: boolean) => ({ type: 'invoice_item_details', invoice_item_details: { invoice_item: 'ii_1', proration } });
    expect(lineOriginOf({ parent: subscriptionItem(false) } as never)).toBe('subscription');
    expect(lineOriginOf({ parent: subscriptionItem(true) } as never)).toBe('proration');
    expect(lineOriginOf({ parent: invoiceItem(true) } as never)).toBe('proration');
    expect(lineOriginOf({ parent: invoiceItem(false) } as never)).toBe('written');
    expect(lineOriginOf({ parent: null })).toBe('written');
    expect(lineOriginOf(null)).toBe('written');
  });

  it('reads a mirrored line’s origin from the Stripe object it keeps', () => {
    const mirrored = { ...line(), data: { parent: { type: 'subscription_item_details', subscription_item_details: { proration: false } } } };
    expect(describeMirroredLine(mirrored, 'ja', day)).toBe('チーム（月払い、1席あたり）');
    expect(describeMirroredLine({ ...mirrored, data: {} }, 'ja', day)).toBe('5 × Team (at ¥1,200 / month)');
  });
});

describe('describeQuoteLine', () => {
  it('names a line Stripe named by its product by the product’s name in the reader’s language', () => {
    expect(describeQuoteLine({ description: 'Team' }, team, 'ja')).toBe('チーム');
    expect(describeQuoteLine({ description: 'Team' }, team, 'en')).toBe('Team');
    expect(describeQuoteLine({ description: 'Team' }, { ...team, productMetadata: {} }, 'ja')).toBe('Team');
  });

  it('keeps a line someone described otherwise, and one whose price the catalogue does not know', () => {
    expect(describeQuoteLine({ description: 'Team seats for the Osaka office' }, team, 'ja')).toBe('Team seats for the Osaka office');
    expect(describeQuoteLine({ description: 'Team' }, null, 'ja')).toBe('Team');
  });
});

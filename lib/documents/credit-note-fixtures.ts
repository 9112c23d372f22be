// A sample credit note for the document tests and scripts/document-screenshots.ts: one seat of five credited on a
// Japanese company's Team invoice, as Stripe writes it (the line copies the invoice line's English text and takes its
// inclusive 10 % rate, expanded), through the real builder (credit-note-document-model.ts).
import { brandingSettingsSchema } from '@/lib/branding/settings';
import { creditNoteDocumentModelFrom } from './credit-note-document-model';
import type { DocumentModel } from './document-model';
import { japaneseCompanyBilling } from './document-fixtures';

const branding = brandingSettingsSchema.parse({
  companyName: '株式会社セイキュー',
  companyAddress: '〒150-0002\n東京都渋谷区渋谷1-2-3',
  registrationNumber: 'T1234567890123',
  invoiceFooter: 'いつもありがとうございます。',
});
const billing = japaneseCompanyBilling;

export const team = { productName: 'Team', productMetadata: { name_ja: 'チーム' }, priceNickname: 'Team (monthly, per seat)', priceMetadata: { nickname_ja: 'チーム（月払い、1席あたり）' } };
const invoice = {
  id: 'in_1',
  number: 'SEIKYU-0042',
  currency: 'jpy',
  subtotal: 6_000,
  total: 6_000,
  amountPaid: 6_000,
  amountDue: 0,
  collectionMethod: 'charge_automatically',
  paidAt: new Date('2026-11-30T01:00:00Z'),
  finalizedAt: new Date('2026-11-30T01:00:00Z'),
  stripeCreated: new Date('2026-11-30T00:00:00Z'),
  data: { customer_name: 'Demo', account_name: 'Seikyu' },
};
export const invoiceLines = [
  {
    id: 'il_team',
    description: '5 × Team (at ¥1,200 / month)',
    quantity: 5,
    amount: 6_000,
    periodStart: new Date('2026-11-30T00:00:00Z'),
    periodEnd: new Date('2026-12-30T00:00:00Z'),
    data: { parent: { type: 'subscription_item_details', subscription_item_details: { proration: false } } },
    catalog: team,
  },
];
const inclusive10 = { amount: 109, tax_behavior: 'inclusive', tax_rate_details: { tax_rate: 'txr_10' }, taxability_reason: 'not_available', taxable_amount: 1_091, type: 'tax_rate_details' };
export const note = {
  number: 'SEIKYU-0042-CN-01',
  currency: 'jpy',
  total: 1_200,
  reason: 'order_change',
  memo: '1席減',
  stripeCreated: new Date('2026-12-07T03:00:00Z'),
  data: {
    effective_at: Date.UTC(2026, 11, 7, 3) / 1000,
    subtotal: 1_200,
    discount_amount: 0,
    total_taxes: [inclusive10],
    lines: {
      data: [
        {
          type: 'invoice_line_item',
          invoice_line_item: 'il_team',
          description: '5 × Team (at ¥1,200 / month)',
          quantity: 1,
          amount: 1_200,
          taxes: [inclusive10],
          tax_rates: [{ id: 'txr_10', percentage: 10, inclusive: true }],
        },
      ],
    },
  },
};

/** The builder's input for the sample. */
export const creditNoteFixture = { note, invoice, invoiceLines, billing, branding };

export const japaneseCreditNoteModel: DocumentModel = creditNoteDocumentModelFrom(creditNoteFixture);

// The operator invoice page's client forms (record a payment, issue a credit note) take their messages as props:
// built here on the server from `backOffice`, so the browser needs no message formatter.
import 'server-only';
import { getTranslations } from '@/lib/i18n/server';
import type { CreditNoteLabels } from '@/components/admin/credit-note-form';
import type { RecordPaymentLabels } from '@/components/admin/record-payment-form';
import { creditNoteReasons, creditNoteSettlements, paymentMethods } from '@/lib/back-office/adjustment-options';

/** `currency`: the invoice's, the only one a payment on it can be recorded in. */
export async function getRecordPaymentLabels(currency: string): Promise<RecordPaymentLabels> {
  const t = await getTranslations('backOffice');
  return {
    fullAmountOnly: t('payments.fullAmountOnly'),
    amount: t('payments.amount', { currency: currency.toUpperCase() }),
    method: t('payments.method'),
    methods: Object.fromEntries(paymentMethods.map((m) => [m, t(`payments.methods.${m}`)])) as RecordPaymentLabels['methods'],
    receivedOn: t('payments.receivedOn'),
    reference: t('payments.reference'),
    submit: t('payments.submit'),
    pending: t('payments.pending'),
    confirm: t.raw('payments.confirm') as string,
    recorded: t.raw('payments.recorded') as string,
    badAmount: t('payments.errors.badAmount'),
    notPositive: t('payments.errors.notPositive'),
    moreThanRemaining: t.raw('payments.errors.moreThanRemaining') as string,
    cancel: t('cancel'),
  };
}

export async function getCreditNoteLabels(): Promise<CreditNoteLabels> {
  const t = await getTranslations('backOffice');
  return {
    issueLeadOpen: t('creditNotes.issueLeadOpen'),
    issueLeadPaid: t('creditNotes.issueLeadPaid'),
    by: t('creditNotes.by'),
    byAmount: t('creditNotes.byAmount'),
    byLines: t('creditNotes.byLines'),
    amount: t('creditNotes.amount'),
    quantity: t('creditNotes.quantity'),
    taxRate: t('creditNotes.taxRate'),
    taxRateOption: { inclusive: t.raw('creditNotes.taxRateIncluded') as string, exclusive: t.raw('creditNotes.taxRateAdded') as string },
    amountHint: { inclusive: t.raw('creditNotes.amountIncludesTax') as string, exclusive: t.raw('creditNotes.amountBeforeTax') as string },
    previewTax: { inclusive: t.raw('creditNotes.previewTaxIncluded') as string, exclusive: t.raw('creditNotes.previewTaxAdded') as string },
    reason: t('creditNotes.reason'),
    reasons: Object.fromEntries(creditNoteReasons.map((r) => [r, t(`creditNotes.reasons.${r}`)])) as CreditNoteLabels['reasons'],
    settlement: t('creditNotes.settlement'),
    settlements: Object.fromEntries(creditNoteSettlements.map((s) => [s, t(`creditNotes.settlements.${s}`)])) as CreditNoteLabels['settlements'],
    memo: t('creditNotes.memo'),
    preview: t('creditNotes.preview'),
    previewing: t('creditNotes.previewing'),
    previewTotal: t.raw('creditNotes.previewTotal') as string,
    issue: t('creditNotes.issue'),
    issuing: t('creditNotes.issuing'),
    confirm: t.raw('creditNotes.confirm') as string,
    issued: t.raw('creditNotes.issued') as string,
    badAmount: t('creditNotes.errors.badAmount'),
    cancel: t('cancel'),
  };
}

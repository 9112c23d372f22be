// Credit notes: POST /v1/credit_notes, GET /v1/credit_notes/preview (+ /preview/lines), GET/POST
// /v1/credit_notes/:id, /:id/lines, /:id/void, list; and the PDF behind `pdf` at /_emulator/credit_notes/:id/pdf.
// Logic in billing/credit-notes/.
import type { Emulator } from '../emulator.js';
import { billingOf } from '../billing/wire.js';
import {
  creditNotesCollection,
  issueCreditNote,
  planCreditNote,
  retrieveCreditNote,
  voidCreditNote,
  type CreditNoteInput,
} from '../billing/credit-notes/credit-notes.js';
import { creditNoteDocument } from '../billing/credit-notes/credit-note-document.js';
import { renderInvoicePdf } from '../pdf/invoice-pdf.js';
import { applyMetadata } from '../core/metadata.js';
import { diffAttributes } from '../core/events.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';

const REASONS = ['duplicate', 'fraudulent', 'order_change', 'product_unsatisfactory'] as const;

const noteShape = {
  invoice: p.required(p.string()),
  amount: p.integer(),
  credit_amount: p.integer(),
  refund_amount: p.integer(),
  out_of_band_amount: p.integer(),
  effective_at: p.timestamp(),
  memo: p.string(),
  metadata: p.metadata(),
  reason: p.enumOf(REASONS),
  email_type: p.enumOf(['credit_note', 'none'] as const),
  lines: p.array(
    p.object({
      type: p.required(p.enumOf(['invoice_line_item', 'custom_line_item'] as const)),
      invoice_line_item: p.string(),
      quantity: p.integer({ min: 1 }),
      amount: p.integer(),
      unit_amount: p.integer(),
      description: p.string(),
      metadata: p.metadata(),
      tax_amounts: p.unsupported(),
      tax_rates: p.emptyable(p.array(p.string())),
      unit_amount_decimal: p.unsupported(),
    }),
  ),
  refunds: p.unsupported(),
  shipping_cost: p.unsupported(),
} as const;

function sendPdf(res: import('node:http').ServerResponse, status: number, body: Buffer | string, filename?: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', status === 200 ? 'application/pdf' : 'text/plain; charset=utf-8');
  if (filename) res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.end(body);
}

export function registerCreditNotes(emu: Emulator): void {
  const engine = billingOf(emu);
  const { router, store } = emu;
  emu.objects.register({ object: 'credit_note', prefix: 'cn', collection: creditNotesCollection });
  const input = (params: CreditNoteInput): CreditNoteInput => params;

  router.api('GET', '/v1/credit_notes/preview', noteShape, ({ params }) => planCreditNote(emu, engine, input(params)).note);
  router.api('GET', '/v1/credit_notes/preview/lines', { ...noteShape, ...listParams }, ({ params, urlPath }) =>
    paginate(planCreditNote(emu, engine, input(params)).note.lines.data, params, urlPath),
  );
  router.api('POST', '/v1/credit_notes', noteShape, ({ params }) => issueCreditNote(emu, engine, input(params)));
  router.api('GET', '/v1/credit_notes/:id', {}, ({ path }) => retrieveCreditNote(emu, path.id));
  router.api('POST', '/v1/credit_notes/:id', { memo: p.string(), metadata: p.metadata() }, ({ params, path }) => {
    const before = retrieveCreditNote(emu, path.id);
    const after = { ...before, memo: params.memo ?? before.memo, metadata: applyMetadata(before.metadata ?? {}, params.metadata) };
    store.insert(creditNotesCollection, after);
    emu.events.emit('credit_note.updated', after, { previousAttributes: diffAttributes(before, after) });
    return after;
  });
  router.api('POST', '/v1/credit_notes/:id/void', {}, ({ path }) => voidCreditNote(emu, engine, path.id));
  router.api('GET', '/v1/credit_notes/:id/lines', { ...listParams }, ({ params, path, urlPath }) =>
    paginate(retrieveCreditNote(emu, path.id).lines.data, params, urlPath),
  );
  router.api(
    'GET',
    '/v1/credit_notes',
    { ...listParams, customer: p.string(), invoice: p.string(), created: p.range(), customer_account: p.unsupported() },
    ({ params, urlPath }) =>
      paginate(
        store.newestFirst(creditNotesCollection, (n) => {
          if (params.customer && n.customer !== params.customer) return false;
          if (params.invoice && n.invoice !== params.invoice) return false;
          return matchesRange(n.created, params.created);
        }),
        params,
        urlPath,
      ),
  );

  router.raw('GET', '/_emulator/credit_notes/:id/pdf', async (req, res) => {
    const note = store.get(creditNotesCollection, req.path.id);
    if (!note) return sendPdf(res, 404, 'No such credit note');
    sendPdf(res, 200, await renderInvoicePdf(creditNoteDocument(engine, note)), `CreditNote-${note.number}.pdf`);
  });
}

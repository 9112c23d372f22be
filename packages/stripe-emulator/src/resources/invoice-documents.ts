// The documents the emulator serves for invoices, behind `hosted_invoice_url`, `invoice_pdf` and receipts:
// GET /_emulator/invoices/:id/pdf, /_emulator/invoices/:id/hosted, /_emulator/receipts/:id.
import type { ServerResponse } from 'node:http';
import type { Emulator } from '../emulator.js';
import { billingOf } from '../billing/wire.js';
import { invoicesCollection } from '../billing/collections.js';
import { invoiceDocument, renderHostedInvoice } from '../billing/documents.js';
import { renderInvoicePdf } from '../pdf/invoice-pdf.js';
import { chargesCollection } from './charges.js';

function sendDocument(res: ServerResponse, status: number, type: string, body: string | Buffer, filename?: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  if (filename) res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.end(body);
}

export function registerInvoiceDocuments(emu: Emulator): void {
  const engine = billingOf(emu);
  const { router, store } = emu;

  router.raw('GET', '/_emulator/invoices/:id/pdf', async (req, res) => {
    const inv = store.get(invoicesCollection, req.path.id);
    if (!inv || inv.status === 'draft') return sendDocument(res, 404, 'text/plain; charset=utf-8', 'No such invoice');
    const pdf = await renderInvoicePdf(invoiceDocument(engine, inv, 'invoice'));
    sendDocument(res, 200, 'application/pdf', pdf, `Invoice-${inv.number ?? inv.id}.pdf`);
  });

  router.raw('GET', '/_emulator/invoices/:id/hosted', (req, res) => {
    const inv = store.get(invoicesCollection, req.path.id);
    if (!inv || inv.status === 'draft') return sendDocument(res, 404, 'text/plain; charset=utf-8', 'No such invoice');
    sendDocument(res, 200, 'text/html; charset=utf-8', renderHostedInvoice(engine, inv));
  });

  router.raw('GET', '/_emulator/receipts/:id', async (req, res) => {
    // Accepts an invoice id, or the id of the PaymentIntent or charge that paid it.
    const charge = store.get(chargesCollection, req.path.id);
    const intentId = charge ? (typeof charge.payment_intent === 'string' ? charge.payment_intent : (charge.payment_intent?.id ?? null)) : req.path.id;
    const inv =
      store.get(invoicesCollection, req.path.id) ??
      store.all(invoicesCollection).find((i) => engine.invoiceState(i.id).payment_intent === intentId);
    if (!inv || inv.status !== 'paid') return sendDocument(res, 404, 'text/plain; charset=utf-8', 'No receipt: the invoice is not paid');
    const pdf = await renderInvoicePdf(invoiceDocument(engine, inv, 'receipt'));
    sendDocument(res, 200, 'application/pdf', pdf, `Receipt-${inv.number ?? inv.id}.pdf`);
  });
}

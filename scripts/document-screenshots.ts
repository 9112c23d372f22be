// Renders the sample Japanese and English invoices (lib/documents/document-fixtures.ts), quotes
// (lib/quotes/quote-document-fixtures.ts) and the Japanese credit note (lib/documents/credit-note-fixtures.ts) and writes their first
// pages as PNGs to docs/screenshots/ with pdftoppm: `npx tsx scripts/document-screenshots.ts`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { englishInvoiceModel, japaneseInvoiceModel } from '../lib/documents/document-fixtures';
import { japaneseCreditNoteModel } from '../lib/documents/credit-note-fixtures';
import { renderCreditNotePdf, renderInvoicePdf, renderQuotePdf } from '../lib/documents/document-pdf';
import { englishQuoteModel, japaneseQuoteModel } from '../lib/quotes/quote-document-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'screens-'));
for (const [name, model] of [['invoice-ja', japaneseInvoiceModel], ['invoice-en', englishInvoiceModel]] as const) {
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, await renderInvoicePdf(model, { cjkFontPath: '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf' }));
  execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', pdf, join('docs/screenshots', name)]);
  console.log(`docs/screenshots/${name}.png`);
}
for (const [name, model] of [['quote-ja', japaneseQuoteModel], ['quote-en', englishQuoteModel]] as const) {
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, await renderQuotePdf(model, { cjkFontPath: '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf' }));
  execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', pdf, join('docs/screenshots', name)]);
  console.log(`docs/screenshots/${name}.png`);
}
{
  const pdf = join(dir, 'credit-note-ja.pdf');
  writeFileSync(pdf, await renderCreditNotePdf(japaneseCreditNoteModel, { cjkFontPath: '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf' }));
  execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', pdf, join('docs/screenshots', 'credit-note-ja')]);
  console.log('docs/screenshots/credit-note-ja.png');
}

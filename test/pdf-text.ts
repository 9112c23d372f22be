// Reading PDFs back in tests, with poppler's pdftotext (Debian's poppler-utils; .ci/run installs it), and the
// Japanese font the documents embed (fonts-ipaexfont-gothic): a test fails, not skips, when either is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPAEX_GOTHIC_PATH } from '@/lib/documents/cjk-font';

/**
 * The PDF's text. `raw` keeps drawing order (a label, then its value) with spaces and line breaks collapsed, so
 * phrases match across wrapped lines; `layout` keeps the page's columns and line breaks.
 */
export function pdfText(bytes: Buffer | ArrayBuffer, mode: 'raw' | 'layout' = 'raw'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pdf-text-')), 'document.pdf');
  writeFileSync(file, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
  const text = execFileSync('pdftotext', [`-${mode}`, file, '-'], { encoding: 'utf8' });
  return mode === 'raw' ? text.replace(/\s+/g, ' ') : text;
}

/** The renderer's options with IPAex Gothic, the CJK font Japanese documents need. */
export function ipaexGothic(): { cjkFontPath: string } {
  if (!existsSync(IPAEX_GOTHIC_PATH)) {
    throw new Error(`IPAex Gothic is not installed at ${IPAEX_GOTHIC_PATH}: run apt-get install -y fonts-ipaexfont-gothic (.ci/run does)`);
  }
  return { cjkFontPath: IPAEX_GOTHIC_PATH };
}

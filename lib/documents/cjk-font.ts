// Finds a font file that can draw Japanese for the PDFs the portal draws itself (see README.md).
// PDF_CJK_FONT_PATH when configured, else Debian's IPAex Gothic (`apt-get install -y fonts-ipaexfont-gothic`)
// when installed, else null: the receipt then falls back to English labels and the built-in Helvetica.
import { existsSync } from 'node:fs';
import { env } from '@/lib/env';

/** Where Debian's `fonts-ipaexfont-gothic` package puts IPAex Gothic (a TrueType font pdfkit can embed). */
export const IPAEX_GOTHIC_PATH = '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf';

/**
 * The CJK font to embed, or null when there is none. A configured PDF_CJK_FONT_PATH that does not exist is an
 * error rather than a silent fallback: the operator asked for that file.
 */
export function findCjkFont(configured: string | undefined = env.PDF_CJK_FONT_PATH, fallback: string = IPAEX_GOTHIC_PATH): string | null {
  if (configured) {
    if (!existsSync(configured)) throw new Error(`PDF_CJK_FONT_PATH points to ${configured}, which does not exist`);
    return configured;
  }
  return existsSync(fallback) ? fallback : null;
}

/**
 * Pulls the visible text out of a PDF this package rendered (uncompressed content streams, hex strings in
 * TJ arrays, one WinAnsi byte per glyph). Test helper, not a general PDF parser: each TJ array becomes one run,
 * runs are joined by newlines.
 */
export function extractPdfText(bytes: Buffer): string {
  const source = bytes.toString('latin1');
  const runs: string[] = [];
  for (const match of source.matchAll(/\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)) {
    let run = '';
    for (const hex of match[1].matchAll(/<([0-9a-fA-F]*)>/g)) {
      run += Buffer.from(hex[1], 'hex').toString('latin1');
    }
    runs.push(run);
  }
  return runs.join('\n');
}

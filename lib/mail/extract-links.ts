// Finds http(s) links in a plain-text email, in order, for the dev mailbox (clickable) and tests.
const URL_PATTERN = /https?:\/\/[^\s<>"')]+/g;

export function extractLinks(text: string): string[] {
  return text.match(URL_PATTERN) ?? [];
}

/** Splits text into plain parts and links so a page can render links as anchors without raw HTML. */
export function splitTextAndLinks(text: string): { type: 'text' | 'link'; value: string }[] {
  const parts: { type: 'text' | 'link'; value: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ type: 'text', value: text.slice(last, index) });
    parts.push({ type: 'link', value: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  return parts;
}

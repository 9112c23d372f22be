// Client components take their messages as props from the server (next-intl's client provider and its message
// formatter stay out of the browser bundle). A message with a value known only in the browser (a number an
// action returned) is passed raw (`t.raw`) and filled here. Only plain `{name}` placeholders are supported:
// messages needing ICU plurals or selects are formatted on the server instead.

/** `fillTemplate('Credit note {number} issued.', { number: 'CN-1' })` → "Credit note CN-1 issued." */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
}

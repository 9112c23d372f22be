// The operator recipients as the settings form's textarea holds them: addresses separated by new lines, spaces or
// commas. One reading for the server's schema and the form, so a refusal's position names the address typed. Pure.

export function splitRecipients(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

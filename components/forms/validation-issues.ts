// next-safe-action answers input zod refused with a tree (`{ email: { _errors: ['email'] }, lines: { 0: { quantity:
// { _errors: [...] } } } }`), never meant for a reader. Forms turn it into (path, message) pairs and show each
// beside its field in the reader's language: schemas name their refusals with codes (`email`, `required`) that
// the form's messages translate; a refusal without a code of ours still names the field it concerns. Pure.

export type ValidationIssue = { path: string[]; message: string };

/** Every refusal in the tree, outermost first, each with the path of the field it concerns. */
export function validationIssues(tree: unknown, path: string[] = []): ValidationIssue[] {
  if (typeof tree !== 'object' || tree === null) return [];
  const node = tree as Record<string, unknown>;
  const own = Array.isArray(node._errors) ? node._errors.filter((m): m is string => typeof m === 'string').map((message) => ({ path, message })) : [];
  const nested = Object.entries(node)
    .filter(([key]) => key !== '_errors')
    .flatMap(([key, child]) => validationIssues(child, [...path, key]));
  return [...own, ...nested];
}

/**
 * One sentence per field (its first refusal), keyed by the path joined with dots (`prospectEmail`,
 * `lines.0.quantity`): `messages[code]` when the refusal's message is one of the form's codes, else `fallback`
 * with the path (which the form turns into a sentence naming the field).
 */
export function fieldMessages(tree: unknown, messages: Record<string, string>, fallback: (path: string[]) => string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of validationIssues(tree)) {
    const key = issue.path.join('.');
    if (key in result) continue;
    result[key] = Object.hasOwn(messages, issue.message) ? messages[issue.message]! : fallback(issue.path);
  }
  return result;
}

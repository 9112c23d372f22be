// OPERATOR_EMAILS is a comma-separated list; comparison ignores case and surrounding spaces.
export function isOperatorEmail(email: string, operatorEmails: string): boolean {
  const wanted = email.trim().toLowerCase();
  return operatorEmails
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .some((e) => e.length > 0 && e === wanted);
}

// Keeps the query layer's two rules true as it grows (docs/architecture.md, "Layers"):
// 1. every exported query is scoped by organization (its params carry `organizationId`) unless its name says
//    otherwise (`...ForOperator`) or it is on the short allow-list below, with the reason;
// 2. db/queries imports nothing from lib/ (types included): lower layers stay lower.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const dir = __dirname;

/** Whole modules whose rows belong to no organization. */
const unscopedModules: Record<string, string> = {
  'events.ts': 'the Stripe event ledger: one row per Stripe event, before any organization is known',
  'mirror.ts': 'the Stripe sync writes by Stripe id and resolves the organization itself (resolveOrganizationForCustomer)',
  'users.ts': 'people and operators belong to no organization',
  'mailbox.ts': 'the development mailbox: outgoing mail, not customer data',
  'catalog.ts': 'the product catalogue is shared by every organization',
  'outbox.ts': 'outbox delivery and the facts it is written from, by Stripe id or row id: each row carries its own organization',
  'app-settings.ts': 'deployment-wide settings belong to no organization',
  'usage-reporting.ts': 'the usage reporter works across organizations; each window row carries its own organization',
  'payees.ts': 'payees (connected accounts) and split rules belong to the platform: one doctor is paid from many organizations\' sales',
  'test-clocks.ts': 'Stripe test clocks are account-wide; customers on a clock resolve their organization themselves',
};

/** Single queries elsewhere that take no organization, each for a reason. */
const unscopedQueries: Record<string, string> = {
  listTransfersForPayee: 'scoped by the payee: what one payee was paid, across the organizations whose sales paid them',
  insertAuditEntry: 'appends one entry; the entry carries its own organization (or none for Stripe-wide events)',
  listOrganizationsForUser: 'scoped by the signed-in user: the organizations they are a member of',
  insertOrganization: 'creates the organization: there is no scope yet',
  lockUserOnboarding: "scoped by the user: serialises one person's onboarding",
  acceptInvitationsForUser: "scoped by the signed-in user's own email",
  findLiveApiKeyByHash: 'authenticates a usage API request: the key decides the organization',
  getQuoteForViewer: "scoped by the signed-in user: the quote's recipient email or a membership of the quote's organization",
  recordQuoteViewForViewer: 'called only after getQuoteForViewer let the viewer in; writes that one quote',
  listPaidWaysOfInvoice: "scoped by the invoice and its own customer: called for an invoice its reader was already let in to (a receipt's document)",
  lockQuoteRequestForViewer: 'called only after getQuoteForViewer let the viewer in; locks that one quote',
};

type ExportedQuery = { file: string; name: string; scoped: boolean };

function sourceFiles(): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

function memberNames(type: ts.TypeNode | undefined, aliases: Map<string, ts.TypeNode>, seen = new Set<string>()): string[] {
  if (!type) return [];
  if (ts.isTypeLiteralNode(type)) return type.members.flatMap((m) => (m.name && ts.isIdentifier(m.name) ? [m.name.text] : []));
  if (ts.isIntersectionTypeNode(type)) return type.types.flatMap((t) => memberNames(t, aliases, seen));
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const name = type.typeName.text;
    if (seen.has(name)) return [];
    seen.add(name);
    return memberNames(aliases.get(name), aliases, seen);
  }
  return [];
}

/** Exported functions that touch the database: `async`, or declared to return a Promise. */
function exportedQueries(file: string): ExportedQuery[] {
  const source = parse(file);
  const aliases = new Map<string, ts.TypeNode>();
  source.forEachChild((node) => {
    if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
  });
  const queries: ExportedQuery[] = [];
  source.forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node) || !node.name) return;
    const exported = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isAsync = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
    const returnsPromise = node.type?.getText(source).startsWith('Promise<') ?? false;
    if (!exported || (!isAsync && !returnsPromise)) return;
    const first = node.parameters[0];
    queries.push({ file, name: node.name.text, scoped: memberNames(first?.type, aliases).includes('organizationId') });
  });
  return queries;
}

describe('db/queries', () => {
  const queries = sourceFiles().flatMap(exportedQueries);

  it('finds the queries it checks (the parser still understands the files)', () => {
    expect(queries.map((q) => q.name)).toEqual(expect.arrayContaining(['listInvoices', 'listCustomersForOperator', 'getCurrentSubscription']));
    expect(queries.find((q) => q.name === 'listInvoices')?.scoped).toBe(true);
  });

  it('scopes every query by organization unless its name or the allow-list says why not', () => {
    const unexplained = queries
      .filter((q) => !q.scoped && !q.name.endsWith('ForOperator') && !unscopedModules[q.file] && !unscopedQueries[q.name])
      .map((q) => `${q.file}: ${q.name}`);
    expect(unexplained).toEqual([]);
  });

  it('keeps the allow-list honest: every entry still exists and still needs to be there', () => {
    const files = sourceFiles();
    expect(Object.keys(unscopedModules).filter((f) => !files.includes(f))).toEqual([]);
    const stale = Object.keys(unscopedQueries).filter((name) => {
      const query = queries.find((q) => q.name === name);
      return !query || query.scoped;
    });
    expect(stale).toEqual([]);
  });

  it('imports nothing from lib/, types included', () => {
    const offenders = sourceFiles().filter((file) => /from\s+['"]@\/lib\//.test(readFileSync(join(dir, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

// GET /admin/transfers — the Connect ledger: each sale → its transfers to payees → what the platform keeps, with
// filters (transfer status, payee), CSV export, retry of a failed transfer, and recording a new split sale.
// Admins (admin:connect:manage) act; support reads.
import Link from 'next/link';
import { getLocale, getTimeZone } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { TransferStatusBadge } from '@/components/admin/connect/connect-badges';
import { RecordSaleForm } from '@/components/admin/connect/record-sale-form';
import { RetryTransferButton } from '@/components/admin/connect/retry-transfer-button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listOneTimePrices } from '@/db/queries/catalog';
import { listSalesLedgerForOperator } from '@/db/queries/connect-sales';
import { listBillableOrganizationsForOperator } from '@/db/queries/organizations';
import { listPayees, listSplitRules } from '@/db/queries/payees';
import { requireOperator } from '@/lib/auth/session';
import { ledgerQueryString, parseLedgerFilters, TRANSFER_STATUSES } from '@/lib/connect/ledger-filters';
import { PAYEE_ROLES, type PayeeRole } from '@/lib/connect/payee-roles';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { operatorCan } from '@/lib/permissions';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('connect.transfers');

export default async function TransfersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { role } = await requireOperator();
  const query = await searchParams;
  const filters = parseLedgerFilters(new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []))));
  const canManage = operatorCan(role, 'admin:connect:manage');
  const [payees, t, tErrors, locale, timeZone] = await Promise.all([listPayees(), getTranslations('connect'), getTranslations('errors'), getLocale(), getTimeZone()]);
  // Each sale's service named in the reader's language, as the sale form's list names it (遠隔読影).
  const ledger = await listSalesLedgerForOperator({ ...filters, locale });
  const roleName = (r: string) => t(`roles.${r as PayeeRole}`);
  const retryLabels = { retry: t('transfers.retry'), retried: t('transfers.retried'), retryFailed: t('transfers.retryFailed') };

  let saleForm = null;
  if (canManage) {
    const [organizations, prices, rules] = await Promise.all([listBillableOrganizationsForOperator(), listOneTimePrices({ locale }), listSplitRules()]);
    const splitPrices = prices.flatMap((price) => {
      const rule = rules.find((r) => r.scope === 'price' && r.targetId === price.id) ?? rules.find((r) => r.scope === 'product' && r.targetId === price.productId);
      if (!rule || price.unitAmount === null) return [];
      return [{ id: price.id, label: `${price.productName} · ${formatMoney(price.unitAmount, price.currency, locale)}`, roles: rule.shares.map((s) => s.role) }];
    });
    saleForm = (
      <section className="card mb-6" aria-labelledby="record-sale-title">
        <h2 id="record-sale-title" className="mb-1 text-base font-semibold">
          {t('transfers.record.title')}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t('transfers.record.lead')}</p>
        <RecordSaleForm
          attempt={crypto.randomUUID()}
          organizations={organizations}
          prices={splitPrices}
          payees={payees.map((p) => ({ id: p.id, label: `${p.name} (${roleName(p.role)}, ${p.currency.toUpperCase()})`, role: p.role }))}
          labels={{
            organization: t('transfers.record.organization'),
            price: t('transfers.record.price'),
            choose: t('transfers.record.choose'),
            payeeFor: Object.fromEntries(PAYEE_ROLES.map((r) => [r, t('transfers.record.payeeFor', { role: roleName(r) })])) as Record<PayeeRole, string>,
            chargeSavedCard: t('transfers.record.chargeSavedCard'),
            submit: t('transfers.record.submit'),
            recorded: t.raw('transfers.record.recorded') as string,
            saleStatus: { awaiting_payment: t('saleStatus.awaiting_payment'), paid: t('saleStatus.paid'), refunded: t('saleStatus.refunded') },
            invalidInput: tErrors('invalid_input'),
          }}
        />
      </section>
    );
  }

  return (
    <>
      <PageHeader title={t('transfers.title')} description={t('transfers.lead')} />
      {saleForm}
      <form className="mb-4 flex flex-wrap items-end gap-3" method="get">
        <div>
          <label htmlFor="filter-transfer-status" className="label">
            {t('transfers.filterStatus')}
          </label>
          <select id="filter-transfer-status" name="status" className="input" defaultValue={filters.status ?? ''}>
            <option value="">{t('transfers.all')}</option>
            {TRANSFER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`transferStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-payee" className="label">
            {t('transfers.filterPayee')}
          </label>
          <select id="filter-payee" name="payee" className="input" defaultValue={filters.payeeId ?? ''}>
            <option value="">{t('transfers.all')}</option>
            {payees.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t('transfers.filter')}
        </button>
        <a className="btn-secondary" href={`/admin/transfers/export${ledgerQueryString(filters)}`} download>
          {t('transfers.export')}
        </a>
      </form>

      {ledger.length === 0 ? (
        <EmptyState title={t('transfers.empty')} />
      ) : (
        <ul className="space-y-4" data-testid="transfer-ledger">
          {ledger.map((sale) => (
            <li key={sale.id} className="card relative overflow-x-auto" data-testid={`sale-${sale.invoiceId ?? sale.id}`}>
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                <div>
                  <p className="font-medium">
                    {sale.productName} · {sale.organizationName}
                  </p>
                  <p className="text-xs text-slate-600">
                    {formatDate(sale.createdAt, locale, timeZone)} · {t(`saleStatus.${sale.status}`)}
                    {sale.invoiceId ? (
                      <>
                        {' · '}
                        <Link href={`/admin/invoices/${sale.invoiceId}`}>{t('transfers.invoice')}</Link>
                      </>
                    ) : null}
                  </p>
                </div>
                <p className="font-semibold" data-testid="sale-amount">
                  {formatMoney(sale.amount, sale.currency, locale)}
                </p>
              </div>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('transfers.payee')}</th>
                    <th scope="col" className="hidden sm:table-cell">
                      {t('transfers.role')}
                    </th>
                    <th scope="col" className="text-right">
                      {t('transfers.amount')}
                    </th>
                    <th scope="col">{t('transfers.status')}</th>
                    <th scope="col" className="hidden text-right sm:table-cell">
                      {t('transfers.reversed')}
                    </th>
                    {/* Headers are set in capitals; Japanese has none, so there it would only turn Stripe into STRIPE. */}
                    <th scope="col" className={locale === 'ja' ? 'hidden normal-case lg:table-cell' : 'hidden lg:table-cell'}>
                      {t('transfers.transfer')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sale.transfers.map((transfer) => (
                    <tr key={transfer.id} data-testid={`transfer-${transfer.payeeEmail}`}>
                      <td>{transfer.payeeName}</td>
                      <td className="hidden sm:table-cell">{roleName(transfer.role)}</td>
                      <td className="text-right tabular-nums">{formatMoney(transfer.amount, transfer.currency, locale)}</td>
                      <td>
                        <TransferStatusBadge status={transfer.status} />
                        {transfer.status === 'failed' && transfer.failureMessage ? <p className="text-xs text-red-700">{transfer.failureMessage}</p> : null}
                        {transfer.status === 'failed' && canManage ? <RetryTransferButton transferId={transfer.id} labels={retryLabels} /> : null}
                      </td>
                      <td className="hidden text-right tabular-nums sm:table-cell" data-testid="transfer-reversed">
                        {formatMoney(transfer.reversedAmount, transfer.currency, locale)}
                      </td>
                      <td className="hidden font-mono text-xs lg:table-cell">{transfer.stripeTransferId ?? '—'}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row" className="sm:hidden">
                      {t('transfers.platform')}
                    </th>
                    <th scope="row" colSpan={2} className="hidden sm:table-cell">
                      {t('transfers.platform')}
                    </th>
                    <td className="text-right font-semibold tabular-nums" data-testid="platform-amount">
                      {formatMoney(sale.platformAmount, sale.currency, locale)}
                    </td>
                    <td colSpan={3} />
                  </tr>
                </tbody>
              </table>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

// The customer detail view (viewport stripe.dashboard.customer.detail): Seikyu's view of the customer the
// Dashboard user is looking at — organization, plan, status and period, the card that pays, usage this period,
// open invoices, operator notes — and two portal workflows: Resync from Stripe and Add note. Everything comes
// from Seikyu's signed endpoint; nothing here talks to the Stripe API.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ExtensionContextValue } from '@stripe/ui-extension-sdk/context';
import fetchStripeSignature from '@stripe/ui-extension-sdk/signature';
import { Badge, Banner, Box, Button, ContextView, Divider, Inline, List, ListItem, Spinner, TextArea } from '@stripe/ui-extension-sdk/ui';
import { formatDate, formatMoney } from '../format';
import { fill, messagesFor, type Messages } from '../messages';
import { createSeikyuClient, SeikyuRequestError, type CustomerSummary, type SeikyuClient } from '../seikyu-client';

type Load = { state: 'loading' } | { state: 'loaded'; summary: CustomerSummary } | { state: 'failed'; message: string };
type Notice = { type: 'default' | 'critical'; title: string; description?: string } | null;

const statusBadge: Record<string, 'positive' | 'warning' | 'negative' | 'neutral' | 'info'> = {
  active: 'positive',
  trialing: 'info',
  past_due: 'warning',
  unpaid: 'negative',
  canceled: 'neutral',
};

/** SEIKYU_URL from the manifest's constants (stripe-app.json), or null when the manifest does not set it. */
function seikyuUrl(environment: ExtensionContextValue['environment']): string | null {
  const constants = environment.constants;
  if (!constants || typeof constants !== 'object' || Array.isArray(constants)) return null;
  const url = (constants as Record<string, unknown>).SEIKYU_URL;
  return typeof url === 'string' && url ? url : null;
}

const errorText = (error: unknown) => (error instanceof SeikyuRequestError ? error.message : String(error));

function SummarySections({ summary, t, locale }: { summary: CustomerSummary; t: Messages; locale: string }) {
  const { subscription, card } = summary;
  return (
    <Box css={{ stack: 'y', gap: 'medium' }}>
      {subscription ? (
        <Inline css={{ gap: 'small', alignY: 'center' }}>
          <Badge type={statusBadge[subscription.status] ?? 'neutral'}>{subscription.status}</Badge>
          {subscription.cancel_at_period_end ? <Badge type="warning">{t.cancelsAtPeriodEnd}</Badge> : null}
        </Inline>
      ) : null}
      <List>
        <ListItem title={t.organization} value={summary.organization.name} />
        <ListItem title={t.plan} value={subscription ? subscription.plan : t.noPlan} />
        {subscription ? (
          <ListItem title={t.period} value={`${formatDate(subscription.current_period_start, locale)} – ${formatDate(subscription.current_period_end, locale)}`} />
        ) : null}
        <ListItem
          title={t.capacity}
          value={fill(t.capacityValue, { inUse: new Intl.NumberFormat(locale).format(summary.limits.in_use), capacity: summary.limits.capacity === null ? t.unlimited : String(summary.limits.capacity) })}
        />
        <ListItem title={t.card} value={card ? `${card.brand ?? ''} •••• ${card.last4 ?? ''} (${card.exp_month ?? '?'}/${card.exp_year ?? '?'})` : t.noCard} />
      </List>

      <Divider />
      <Box css={{ font: 'heading' }}>{t.usage}</Box>
      {summary.usage.length === 0 ? (
        <Box css={{ color: 'secondary' }}>{t.noUsage}</Box>
      ) : (
        <List>
          {summary.usage.map((usage) => (
            <ListItem key={usage.meter} title={usage.meter} value={new Intl.NumberFormat(locale).format(usage.total)} />
          ))}
        </List>
      )}

      <Divider />
      <Box css={{ font: 'heading' }}>{t.openInvoices}</Box>
      {summary.open_invoices.length === 0 ? (
        <Box css={{ color: 'secondary' }}>{t.noOpenInvoices}</Box>
      ) : (
        <List>
          {summary.open_invoices.map((invoice) => (
            <ListItem
              key={invoice.id}
              title={invoice.number ?? invoice.id}
              secondaryTitle={fill(t.due, { date: formatDate(invoice.due_date, locale) })}
              value={formatMoney(invoice.amount_remaining, invoice.currency, locale)}
            />
          ))}
        </List>
      )}

      <Divider />
      <Box css={{ font: 'heading' }}>{t.notes}</Box>
      {summary.notes.length === 0 ? (
        <Box css={{ color: 'secondary' }}>{t.noNotes}</Box>
      ) : (
        <List>
          {summary.notes.map((note) => (
            <ListItem key={note.id} title={note.body} secondaryTitle={`${note.author ?? '—'} · ${formatDate(note.created, locale)}`} />
          ))}
        </List>
      )}
    </Box>
  );
}

function Actions({ client, customerId, t, onDone }: { client: SeikyuClient; customerId: string; t: Messages; onDone: (notice: Notice) => Promise<void> }) {
  const [note, setNote] = useState('');
  const [pending, setPending] = useState<'resync' | 'note' | null>(null);

  const run = async (kind: 'resync' | 'note', action: () => Promise<unknown>, success: string) => {
    setPending(kind);
    try {
      await action();
      if (kind === 'note') setNote('');
      await onDone({ type: 'default', title: success });
    } catch (error) {
      await onDone({ type: 'critical', title: t.actionFailed, description: errorText(error) });
    } finally {
      setPending(null);
    }
  };

  return (
    <Box css={{ stack: 'y', gap: 'small' }}>
      <TextArea label={t.newNote} value={note} maxLength={5000} onChange={(event) => setNote(event.target.value)} />
      <Inline css={{ gap: 'small' }}>
        <Button type="primary" disabled={!note.trim()} pending={pending === 'note'} onPress={() => run('note', () => client.addNote(customerId, note), t.noteAdded)}>
          {t.addNote}
        </Button>
        <Button pending={pending === 'resync'} onPress={() => run('resync', () => client.resync(customerId), t.resynced)}>
          {t.resync}
        </Button>
      </Inline>
    </Box>
  );
}

const CustomerDetailView = ({ userContext, environment }: ExtensionContextValue) => {
  const t = messagesFor(userContext.locale);
  const locale = userContext.locale || 'en';
  const baseUrl = seikyuUrl(environment);
  const customerId = environment.objectContext?.id ?? null;
  const client = useMemo(
    () => (baseUrl && userContext.id ? createSeikyuClient({ baseUrl, userId: userContext.id, accountId: userContext.account.id, sign: fetchStripeSignature }) : null),
    [baseUrl, userContext.id, userContext.account.id],
  );
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [notice, setNotice] = useState<Notice>(null);

  const refresh = useCallback(async () => {
    if (!client || !customerId) return;
    try {
      setLoad({ state: 'loaded', summary: await client.customerSummary(customerId) });
    } catch (error) {
      setLoad({ state: 'failed', message: errorText(error) });
    }
  }, [client, customerId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const summary = load.state === 'loaded' ? load.summary : null;
  return (
    <ContextView
      title={t.title}
      description={summary?.organization.name}
      externalLink={summary ? { label: t.openInSeikyu, href: summary.links.customer } : undefined}
    >
      {!client || !customerId ? (
        <Banner type="critical" title={t.notConfigured} />
      ) : (
        <Box css={{ stack: 'y', gap: 'large' }}>
          {notice ? <Banner type={notice.type} title={notice.title} description={notice.description} onDismiss={() => setNotice(null)} /> : null}
          {load.state === 'loading' ? <Spinner /> : null}
          {load.state === 'failed' ? <Banner type="critical" title={t.loadFailed} description={load.message} /> : null}
          {summary ? <SummarySections summary={summary} t={t} locale={locale} /> : null}
          {summary ? (
            <Actions
              client={client}
              customerId={customerId}
              t={t}
              onDone={async (next) => {
                setNotice(next);
                await refresh();
              }}
            />
          ) : null}
        </Box>
      )}
    </ContextView>
  );
};

export default CustomerDetailView;

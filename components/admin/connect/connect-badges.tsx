// Status badges for payees and transfers: colour carries the meaning, the text always says it too.
import { getTranslations } from '@/lib/i18n/server';
import type { ConnectTransferStatus } from '@/db/queries/connect-sales';
import type { PayeeStatus } from '@/db/queries/payees';

const payeeTone: Record<PayeeStatus, string> = { onboarding: 'badge-amber', restricted: 'badge-red', enabled: 'badge-green' };
const transferTone: Record<ConnectTransferStatus, string> = {
  scheduled: 'badge-gray',
  pending: 'badge-amber',
  sent: 'badge-green',
  failed: 'badge-red',
  reversed: 'badge-gray',
};

export async function PayeeStatusBadge({ status }: { status: PayeeStatus }) {
  const t = await getTranslations('connect.status');
  return <span className={payeeTone[status]}>{t(status)}</span>;
}

export async function TransferStatusBadge({ status }: { status: ConnectTransferStatus }) {
  const t = await getTranslations('connect.transferStatus');
  return <span className={transferTone[status]}>{t(status)}</span>;
}

// A quote's status as a badge: colour carries the meaning, the text always says it too.
import type { QuoteListStatus } from '@/db/queries/quotes';

const tone: Record<QuoteListStatus, string> = {
  draft: 'badge-gray',
  open: 'badge-blue',
  accepted: 'badge-green',
  canceled: 'badge-gray',
  expired: 'badge-amber',
};

export function QuoteStatusBadge({ status, label }: { status: QuoteListStatus; label: string }) {
  return (
    <span className={tone[status]} data-testid="quote-status">
      {label}
    </span>
  );
}

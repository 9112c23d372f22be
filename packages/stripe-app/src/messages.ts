// The view's words in English and Japanese (the Dashboard user's locale picks; English otherwise). Japanese
// follows the portal's billing glossary (支払方法, 支払期限, 請求書).

const en = {
  title: 'Seikyu',
  loading: 'Loading Seikyu…',
  notConfigured: 'Seikyu is not configured: set SEIKYU_URL in the app manifest constants.',
  loadFailed: 'Could not load Seikyu',
  organization: 'Organization',
  plan: 'Plan',
  noPlan: 'No plan',
  period: 'Current period',
  cancelsAtPeriodEnd: 'Cancels at period end',
  capacity: 'Devices',
  capacityValue: '{inUse} of {capacity} in use',
  unlimited: 'no limit',
  card: 'Card that pays',
  noCard: 'No card',
  usage: 'Usage this period',
  noUsage: 'No usage recorded this period.',
  openInvoices: 'Open invoices',
  noOpenInvoices: 'No open invoices.',
  due: 'Due {date}',
  notes: 'Operator notes',
  noNotes: 'No notes yet.',
  newNote: 'New note',
  addNote: 'Add note',
  resync: 'Resync from Stripe',
  resynced: 'Resynced from Stripe.',
  noteAdded: 'Note added.',
  openInSeikyu: 'Open in Seikyu',
  actionFailed: 'Seikyu could not do that',
};

export type Messages = typeof en;

const ja: Messages = {
  title: 'Seikyu',
  loading: 'Seikyu を読み込み中…',
  notConfigured: 'Seikyu が設定されていません。アプリのマニフェストの constants に SEIKYU_URL を設定してください。',
  loadFailed: 'Seikyu を読み込めませんでした',
  organization: '組織',
  plan: 'プラン',
  noPlan: 'プランなし',
  period: '現在の請求期間',
  cancelsAtPeriodEnd: '期間終了時に解約',
  capacity: 'デバイス',
  capacityValue: '{capacity} 台中 {inUse} 台使用中',
  unlimited: '上限なし',
  card: '支払に使うカード',
  noCard: 'カードなし',
  usage: '今期の利用量',
  noUsage: '今期の利用記録はありません。',
  openInvoices: '未払いの請求書',
  noOpenInvoices: '未払いの請求書はありません。',
  due: '支払期限 {date}',
  notes: 'オペレーターのメモ',
  noNotes: 'メモはまだありません。',
  newNote: '新しいメモ',
  addNote: 'メモを追加',
  resync: 'Stripe から再同期',
  resynced: 'Stripe から再同期しました。',
  noteAdded: 'メモを追加しました。',
  openInSeikyu: 'Seikyu で開く',
  actionFailed: 'Seikyu で処理できませんでした',
};

export function messagesFor(locale: string | undefined): Messages {
  return locale?.toLowerCase().startsWith('ja') ? ja : en;
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

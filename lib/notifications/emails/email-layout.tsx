// The one layout of every notification email: the company's logo (when set) and name in its brand colour, the content, and the
// reason the reader receives it. Inline styles only (mail clients ignore style sheets).
import { Body, Container, Head, Hr, Html, Img, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { labelled } from '@/lib/i18n/format';

/** `logoUrl`: the company logo's absolute URL (null: the name alone). */
export type EmailBranding = { companyName: string; brandColor: string; logoUrl?: string | null };

export function EmailLayout(props: { locale: string; preview: string; branding: EmailBranding; footer: string; children: ReactNode }) {
  return (
    <Html lang={props.locale}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: '#f8fafc', fontFamily: "system-ui,-apple-system,'Segoe UI','Hiragino Sans',Meiryo,sans-serif", color: '#0f172a' }}>
        {/* Never wider than a phone's screen: the card shrinks, and a long value (an address, an id) wraps. */}
        <Container style={{ maxWidth: 560, width: '100%', margin: '24px auto', backgroundColor: '#ffffff', border: '1px solid #e2e8f0', borderRadius: 12, overflowWrap: 'anywhere' }}>
          <Section style={{ borderTop: `6px solid ${props.branding.brandColor}`, borderRadius: '12px 12px 0 0', padding: '20px 24px 0' }}>
            {props.branding.logoUrl ? <Img src={props.branding.logoUrl} alt={props.branding.companyName} height={40} style={{ height: 40, width: 'auto', marginBottom: 8 }} /> : null}
            <Text style={{ fontSize: 18, fontWeight: 700, color: props.branding.brandColor, margin: 0 }}>{props.branding.companyName}</Text>
          </Section>
          <Section style={{ padding: '8px 24px 8px' }}>{props.children}</Section>
          <Section style={{ padding: '0 24px 16px' }}>
            <Hr style={{ borderColor: '#e2e8f0', margin: '8px 0' }} />
            <Text style={{ fontSize: 12, color: '#64748b' }}>{props.footer}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function EmailButton(props: { href: string; color: string; children: ReactNode }) {
  return (
    <Section style={{ margin: '20px 0' }}>
      <a
        href={props.href}
        style={{ backgroundColor: props.color, color: '#ffffff', padding: '12px 20px', borderRadius: 8, textDecoration: 'none', fontWeight: 600, display: 'inline-block' }}
      >
        {props.children}
      </a>
    </Section>
  );
}

/**
 * A label/value table of the facts (amount, due date…), readable in the plain-text part too; the label and its
 * value are joined as the language writes them (「金額：￥16,500」).
 */
export function EmailFacts(props: { locale: string; rows: [label: string, value: string][] }) {
  return (
    <Section style={{ backgroundColor: '#f1f5f9', borderRadius: 8, padding: '8px 16px', margin: '12px 0' }}>
      {props.rows.map(([label, value]) => (
        <Text key={label} style={{ margin: '6px 0', fontSize: 14 }}>
          <span style={{ color: '#475569' }}>{labelled(label, '', props.locale)}</span>
          <strong>{value}</strong>
        </Text>
      ))}
    </Section>
  );
}

/** Text whose line breaks are kept, in the HTML and in the plain-text part (bank details). */
export function EmailLines(props: { text: string }) {
  const lines = props.text.split(/\r?\n/);
  return (
    <Text style={{ marginTop: 4 }}>
      {lines.map((line, i) => (
        <span key={i}>
          {line}
          {i < lines.length - 1 ? <br /> : null}
        </span>
      ))}
    </Text>
  );
}

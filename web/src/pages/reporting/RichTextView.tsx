import { Typography } from 'antd';
import DOMPurify from 'dompurify';
import { looksLikeHtml } from './richText';

/** The tags and link schemes the server keeps (shared/domain/reporting/sanitize-html.ts). */
const PURIFY_CONFIG = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'a'],
  ALLOWED_ATTR: ['href', 'rel', 'target'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
};

/**
 * Shows a stored text: results are HTML (sanitised again here with DOMPurify, the browser's own
 * parser underneath, so a bug elsewhere can never run a script in a reader's browser), the other
 * fields plain text with their line breaks kept.
 */
export function RichTextView({ value, empty = 'Chưa nhập' }: { value: string | null; empty?: string }) {
  if (!value || value.trim() === '') return <Typography.Text type="secondary">{empty}</Typography.Text>;
  if (looksLikeHtml(value)) {
    return (
      <div
        className="pw-rich-text"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised to a fixed tag subset just above
        dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(value, PURIFY_CONFIG) }}
      />
    );
  }
  return <div style={{ whiteSpace: 'pre-wrap' }}>{value}</div>;
}

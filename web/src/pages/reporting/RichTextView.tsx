import { Typography } from 'antd';
import { sanitizeHtml } from '../../../../shared/domain/reporting/sanitize-html';
import { looksLikeHtml } from './richText';

/**
 * Shows a stored text: results are HTML (sanitised again here, so a bug elsewhere can never run a
 * script in a reader's browser), the other fields plain text with their line breaks kept.
 */
export function RichTextView({ value, empty = 'Chưa nhập' }: { value: string | null; empty?: string }) {
  if (!value || value.trim() === '') return <Typography.Text type="secondary">{empty}</Typography.Text>;
  if (looksLikeHtml(value)) {
    return (
      <div
        className="pw-rich-text"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised to a fixed tag subset just above
        dangerouslySetInnerHTML={{ __html: sanitizeHtml(value) }}
      />
    );
  }
  return <div style={{ whiteSpace: 'pre-wrap' }}>{value}</div>;
}

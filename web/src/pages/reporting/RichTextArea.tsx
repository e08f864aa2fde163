import { BoldOutlined, ItalicOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef } from 'react';

interface Props {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
}

type Edit = { kind: 'wrap'; mark: string } | { kind: 'prefix'; numbered: boolean };

/** Applies a toolbar button to the selection, returning the new text and where the selection goes. */
function apply(
  text: string,
  start: number,
  end: number,
  edit: Edit,
): { text: string; start: number; end: number } {
  if (edit.kind === 'wrap') {
    const selected = text.slice(start, end) || 'chữ';
    const next = `${text.slice(0, start)}${edit.mark}${selected}${edit.mark}${text.slice(end)}`;
    return { text: next, start: start + edit.mark.length, end: start + edit.mark.length + selected.length };
  }
  // Whole lines: from the start of the first selected line to the end of the last one.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl === -1 ? text.length : nl;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const marked = lines.map((l, i) => `${edit.numbered ? `${i + 1}. ` : '- '}${l}`).join('\n');
  const next = `${text.slice(0, lineStart)}${marked}${text.slice(lineEnd)}`;
  return { text: next, start: lineStart, end: lineStart + marked.length };
}

/**
 * A plain text box with four shorthand buttons (see richText.ts). Plain text keeps pasting from Word
 * predictable and works with every screen reader; the shorthand becomes the few tags the server keeps.
 */
export function RichTextArea({ value, onChange, placeholder, disabled, id, ...rest }: Props) {
  const ref = useRef<TextAreaRef>(null);

  const run = (edit: Edit) => {
    const el = ref.current?.resizableTextArea?.textArea;
    if (!el) return;
    const r = apply(value, el.selectionStart, el.selectionEnd, edit);
    onChange(r.text);
    // After React has put the new text in, select what was just formatted so typing goes on naturally.
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(r.start, r.end);
    });
  };

  const tool = (title: string, icon: React.ReactNode, edit: Edit) => (
    <Tooltip title={title}>
      <Button
        size="small"
        type="text"
        icon={icon}
        aria-label={title}
        disabled={disabled}
        onClick={() => run(edit)}
      />
    </Tooltip>
  );

  return (
    <div>
      {/* The formatting buttons and their hint are for the screen: on paper the text prints as written. */}
      <Flex gap={2} align="center" wrap="wrap" style={{ marginBottom: 4 }} className="no-print">
        {tool('In đậm (**chữ**)', <BoldOutlined />, { kind: 'wrap', mark: '**' })}
        {tool('In nghiêng (*chữ*)', <ItalicOutlined />, { kind: 'wrap', mark: '*' })}
        {tool('Gạch đầu dòng (- )', <UnorderedListOutlined />, { kind: 'prefix', numbered: false })}
        {tool('Danh sách đánh số (1. )', <OrderedListOutlined />, { kind: 'prefix', numbered: true })}
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
          Để trống một dòng giữa hai đoạn văn.
        </Typography.Text>
      </Flex>
      <Input.TextArea
        {...rest}
        id={id}
        ref={ref}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        disabled={disabled}
        autoSize={{ minRows: 3, maxRows: 16 }}
      />
    </div>
  );
}

import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { findLines, foldLines } from './sourceSearch';

/** A request from elsewhere on the page; `nonce` makes asking twice for the same line scroll again. */
export type SourceRequest = ({ line: number } | { phrase: string }) & { nonce: number };

interface Props {
  text: string;
  request: SourceRequest | null;
}

const LINE_HEIGHT = 20;

/**
 * Monospace fonts that draw stacked Vietnamese marks (ế, ố) properly. DejaVu/Liberation Mono, the usual
 * Linux defaults, misplace them, so they are left out and such systems get a sans font.
 */
export const SOURCE_FONT =
  'Consolas, "Cascadia Mono", "Noto Sans Mono", "Courier New", "DejaVu Sans", sans-serif';

/**
 * The uploaded document as text, with line numbers, so the officer can check every field of the draft
 * against what the plan really says. Warnings and tasks can jump here; a search box finds any phrase.
 */
export function SourceTextPanel({ text, request }: Props) {
  const lines = useMemo(() => text.split(/\r?\n/), [text]);
  const folded = useMemo(() => foldLines(lines), [lines]);
  const scroller = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [hitIndex, setHitIndex] = useState(0);
  const [focusLine, setFocusLine] = useState<number | null>(null);
  const hits = useMemo(() => findLines(folded, query), [folded, query]);
  const hitSet = useMemo(() => new Set(hits), [hits]);

  const scrollTo = (line: number) => {
    setFocusLine(line);
    const box = scroller.current;
    const row = box?.querySelector<HTMLElement>(`#dong-${line}`);
    // Centre the line in this panel only; scrollIntoView would also move the whole page.
    if (box && row) box.scrollTop = Math.max(0, row.offsetTop - box.clientHeight / 2);
  };

  // Only a new request (new nonce) should move the view, not re-renders.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (request === null) return;
    if ('line' in request) {
      setQuery('');
      scrollTo(request.line);
      return;
    }
    setQuery(request.phrase);
    const found = findLines(folded, request.phrase);
    // Plans mention a task in the body first and list it in the appendix table last: the table row is wanted.
    const last = found[found.length - 1];
    setHitIndex(Math.max(0, found.length - 1));
    setFocusLine(last ?? null);
    if (last !== undefined) scrollTo(last);
  }, [request]);

  const step = (delta: number) => {
    if (hits.length === 0) return;
    const next = (hitIndex + delta + hits.length) % hits.length;
    setHitIndex(next);
    const line = hits[next];
    if (line !== undefined) scrollTo(line);
  };

  const digits = String(lines.length).length;
  return (
    <Flex vertical style={{ height: '100%', minHeight: 0 }}>
      <Flex
        gap={8}
        align="center"
        wrap="wrap"
        style={{ padding: '8px 12px', borderBottom: '1px solid #f0f0f0' }}
      >
        <Typography.Text strong>Văn bản gốc</Typography.Text>
        <Typography.Text type="secondary">({lines.length} dòng)</Typography.Text>
        <Input
          size="small"
          allowClear
          aria-label="Tìm trong văn bản gốc"
          placeholder="Tìm trong văn bản (không cần dấu)"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setHitIndex(0);
            const first = findLines(folded, e.target.value)[0];
            if (first !== undefined) scrollTo(first);
          }}
          onPressEnter={() => step(1)}
          style={{ flex: '1 1 160px', maxWidth: 260 }}
        />
        {query && (
          <>
            <Typography.Text type={hits.length ? 'secondary' : 'warning'} style={{ fontSize: 12 }}>
              {hits.length ? `${hitIndex + 1}/${hits.length}` : 'Không thấy'}
            </Typography.Text>
            <Button size="small" icon={<UpOutlined />} aria-label="Kết quả trước" onClick={() => step(-1)} />
            <Button size="small" icon={<DownOutlined />} aria-label="Kết quả sau" onClick={() => step(1)} />
          </>
        )}
      </Flex>
      <div
        ref={scroller}
        data-testid="source-text"
        style={{
          flex: 1,
          minHeight: 0,
          overflow: 'auto',
          // Makes this box the lines' offsetParent, so a line's offsetTop is its place in the text.
          position: 'relative',
          fontFamily: SOURCE_FONT,
          fontSize: 13,
          lineHeight: `${LINE_HEIGHT}px`,
          background: '#fafafa',
        }}
      >
        {lines.map((line, i) => {
          const n = i + 1;
          const focused = n === focusLine;
          return (
            <div
              // Lines are positions in a fixed text; their number is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              id={`dong-${n}`}
              style={{
                display: 'flex',
                minHeight: LINE_HEIGHT,
                background: focused ? '#ffe58f' : hitSet.has(n) ? '#fffbe6' : undefined,
              }}
            >
              <span
                aria-hidden
                style={{
                  width: `${digits + 2}ch`,
                  flex: 'none',
                  textAlign: 'right',
                  paddingInlineEnd: 8,
                  color: '#999',
                  userSelect: 'none',
                  borderRight: '1px solid #eee',
                  marginInlineEnd: 8,
                }}
              >
                {n}
              </span>
              <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', minWidth: 0 }}>{line}</span>
            </div>
          );
        })}
      </div>
    </Flex>
  );
}

import { WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Popover, Typography } from 'antd';
import type { ReviewNote } from '../../../../shared/contracts/plan-draft';
import { SOURCE_FONT } from './SourceTextPanel';

/** The notes about one cell of a task: the row note ('row') is shown with the row, not here. */
export function cellNotes(review: readonly ReviewNote[] | undefined, field: string): ReviewNote[] {
  return (review ?? []).filter((n) => n.field === field);
}

interface Props {
  notes: readonly ReviewNote[];
  /** Scrolls the original's panel to a line. */
  onShowLine: (line: number) => void;
}

/** The source lines a guess was made from, numbered as in the original's panel. */
function SourceLines({ note, onShowLine }: { note: ReviewNote; onShowLine: (line: number) => void }) {
  const lines = note.source ?? [];
  return (
    <Flex vertical gap={2} style={{ marginTop: 6 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Văn bản gốc:
      </Typography.Text>
      <div
        style={{
          fontFamily: SOURCE_FONT,
          fontSize: 12,
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          padding: '4px 6px',
          // Laid-out source lines keep their runs of spaces (the columns); long lines scroll.
          whiteSpace: 'pre',
          overflowX: 'auto',
        }}
      >
        {lines.map((s) => (
          <div key={s.line}>
            <Typography.Text type="secondary" style={{ display: 'inline-block', width: 40, fontSize: 12 }}>
              {s.line}
            </Typography.Text>
            {s.text}
          </div>
        ))}
      </div>
      <Button
        size="small"
        type="link"
        style={{ padding: 0, alignSelf: 'flex-start' }}
        onClick={(e) => {
          e.stopPropagation();
          onShowLine(note.fromLine);
        }}
      >
        Xem dòng {note.fromLine} trong văn bản gốc
      </Button>
    </Flex>
  );
}

/**
 * A cell the importer guessed (which lines are its text): a marker in the cell that opens the reason
 * and the source lines beside it, so the officer compares without leaving the table.
 */
export function GuessedCellNotes({ notes, onShowLine }: Props) {
  if (notes.length === 0) return null;
  const content = (
    <Flex vertical gap={10} style={{ maxWidth: 460 }}>
      {notes.map((note) => (
        <div key={`${note.reason}-${note.fromLine}-${note.toLine}`}>
          <Typography.Text>{note.message}</Typography.Text>
          {(note.source?.length ?? 0) > 0 && <SourceLines note={note} onShowLine={onShowLine} />}
        </div>
      ))}
    </Flex>
  );
  return (
    <Popover
      content={content}
      title={`Ô được đoán${notes[0]?.column ? `: ${notes[0].column}` : ''}`}
      trigger="click"
    >
      <Button
        size="small"
        type="link"
        icon={<WarningOutlined />}
        data-guessed-cell={notes[0]?.field}
        style={{ padding: 0, display: 'block', color: '#d46b08', fontSize: 12 }}
        onClick={(e) => e.stopPropagation()}
      >
        Ô được đoán: xem lý do và dòng gốc
      </Button>
    </Popover>
  );
}

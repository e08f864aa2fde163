import { FileSearchOutlined } from '@ant-design/icons';
import { Button, Flex, type TableColumnsType, Tooltip, Typography } from 'antd';
import type { ReviewTask } from '../../../../shared/contracts/plan-import';
import { DeadlineKindTag } from '../../components/DeadlineKindTag';
import { AgencyLinks } from './AgencyLinks';
import { cellNotes, GuessedCellNotes } from './GuessedCellNotes';
import { anyUncertain, UNCERTAIN_BACKGROUND } from './uncertainty';

/** A row of the table with its position in the draft (the table may show a filtered subset). */
export interface TaskRow {
  index: number;
  task: ReviewTask;
}

interface Options {
  onLocate: (task: ReviewTask) => void;
  /** Shows the original's lines a guessed row was rebuilt from. */
  onShowLines: (fromLine: number, toLine: number) => void;
}

const highlight = (on: boolean) => ({ style: on ? { background: UNCERTAIN_BACKGROUND } : {} });

/** A cell is tinted when one of its notes says it was guessed; extra columns show in the content cell. */
const guessed = (r: TaskRow, ...fields: string[]) =>
  fields.some((f) => cellNotes(r.task.review, f).length > 0);

/** No action column: a row click opens the task drawer, which keeps every column on screen in a half-width pane. */
export function reviewTaskColumns({ onLocate, onShowLines }: Options): TableColumnsType<TaskRow> {
  const notesOf = (r: TaskRow, ...fields: string[]) => (
    <GuessedCellNotes
      notes={fields.flatMap((f) => cellNotes(r.task.review, f))}
      onShowLine={(line) => onShowLines(line, line)}
    />
  );
  return [
    {
      title: 'TT',
      key: 'ordinal',
      width: 52,
      render: (_: unknown, r: TaskRow) => (
        <Flex vertical gap={4} align="flex-start">
          <span>{r.task.ordinal}</span>
          <Tooltip title="Tìm trong văn bản gốc">
            <Button
              size="small"
              type="text"
              icon={<FileSearchOutlined />}
              aria-label={`Tìm nhiệm vụ ${r.task.ordinal} trong văn bản gốc`}
              onClick={(e) => {
                // The row itself opens the edit drawer; this button only scrolls the original.
                e.stopPropagation();
                onLocate(r.task);
              }}
            />
          </Tooltip>
        </Flex>
      ),
    },
    {
      title: 'Nội dung',
      key: 'content',
      width: 210,
      onCell: (r: TaskRow) => highlight(guessed(r, 'content', 'extra')),
      render: (_: unknown, r: TaskRow) => (
        <>
          {r.task.group && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.task.group}
            </Typography.Text>
          )}
          {r.task.content || <Typography.Text type="warning">(chưa có nội dung)</Typography.Text>}
          {r.task.extra?.map((field) => (
            <Typography.Text key={field.label} type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {field.label}: {field.text}
            </Typography.Text>
          ))}
          {notesOf(r, 'content', 'extra')}
          {cellNotes(r.task.review, 'row').map((note) => (
            <Tooltip key={`${note.field}-${note.fromLine}`} title={note.message}>
              <Button
                size="small"
                type="link"
                style={{ padding: 0, display: 'block', color: '#d46b08' }}
                onClick={(e) => {
                  e.stopPropagation();
                  onShowLines(note.fromLine, note.toLine);
                }}
              >
                Dòng được dựng lại: xem dòng {note.fromLine}–{note.toLine}
              </Button>
            </Tooltip>
          ))}
        </>
      ),
    },
    {
      title: 'Cơ quan chủ trì',
      key: 'lead',
      width: 160,
      onCell: (r: TaskRow) =>
        highlight(r.task.leads.length === 0 || anyUncertain(r.task.leads) || guessed(r, 'lead')),
      render: (_: unknown, r: TaskRow) => (
        <>
          <AgencyLinks
            links={r.task.leads}
            slotOf={(index) => ({ kind: 'lead', task: r.index, index })}
            empty={<Typography.Text type="warning">Chưa có cơ quan chủ trì</Typography.Text>}
          />
          {notesOf(r, 'lead')}
        </>
      ),
    },
    {
      title: 'Cơ quan phối hợp',
      key: 'coordinators',
      width: 190,
      onCell: (r: TaskRow) => highlight(anyUncertain(r.task.coordinatorLinks) || guessed(r, 'coordinators')),
      render: (_: unknown, r: TaskRow) => (
        <>
          <AgencyLinks
            links={r.task.coordinatorLinks}
            slotOf={(index) => ({ kind: 'coordinator', task: r.index, index })}
            empty={<Typography.Text type="secondary">Không có</Typography.Text>}
          />
          {notesOf(r, 'coordinators')}
        </>
      ),
    },
    {
      title: 'Sản phẩm',
      key: 'product',
      width: 110,
      onCell: (r: TaskRow) => highlight(guessed(r, 'product')),
      render: (_: unknown, r: TaskRow) => (
        <>
          {r.task.product ?? ''}
          {notesOf(r, 'product')}
        </>
      ),
    },
    {
      title: 'Thời hạn',
      key: 'deadline',
      width: 120,
      onCell: (r: TaskRow) => highlight(r.task.deadline.kind === 'unknown' || guessed(r, 'deadline')),
      render: (_: unknown, r: TaskRow) => (
        <Flex vertical gap={4} align="flex-start">
          <span>{r.task.deadline.text || '—'}</span>
          <DeadlineKindTag kind={r.task.deadline.kind} />
          {notesOf(r, 'deadline')}
        </Flex>
      ),
    },
  ];
}

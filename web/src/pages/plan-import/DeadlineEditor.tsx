import { Flex, Input, Typography } from 'antd';
import type { Deadline } from '../../../../shared/contracts/plan-draft';
import { parseDeadline } from '../../../../shared/domain/plan-import/deadline';
import { DeadlineKindTag } from '../../components/DeadlineKindTag';
import { formatDeadlineDates } from '../../lib/deadlines';

interface Props {
  value: Deadline;
  onChange: (deadline: Deadline) => void;
  readOnly?: boolean;
}

/**
 * The "Thời hạn" cell as text; every keystroke is read again by the importer's own rule, so the officer sees
 * at once what the plan will track (kind and dates). The text is kept as typed (spaces included) while editing.
 */
export function DeadlineEditor({ value, onChange, readOnly }: Props) {
  const dates = formatDeadlineDates(value);
  return (
    <Flex vertical gap={6}>
      <Input
        aria-label="Thời hạn hoàn thành"
        value={value.text}
        readOnly={readOnly}
        status={value.kind === 'unknown' ? 'warning' : undefined}
        placeholder="Ví dụ: 2025; 2021-2025; Quý III/2024; 6/2024; 15/12/2024; Hằng năm; Thường xuyên"
        onChange={(e) => onChange({ ...parseDeadline(e.target.value), text: e.target.value })}
      />
      <Flex gap={8} align="center" wrap="wrap">
        <Typography.Text type="secondary">Hệ thống hiểu là:</Typography.Text>
        <DeadlineKindTag kind={value.kind} />
        {dates && <Typography.Text>{dates}</Typography.Text>}
        {value.kind === 'unknown' && (
          <Typography.Text type="warning">
            Chưa đọc được thời hạn; hãy ghi lại theo một trong các dạng gợi ý.
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}

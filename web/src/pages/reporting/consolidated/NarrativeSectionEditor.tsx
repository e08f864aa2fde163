import { EditOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Popconfirm, Tag, Typography } from 'antd';
import type { NarrativeResponse } from '../../../../../shared/contracts/consolidated';
import { formatDateTime } from '../../../lib/dates';

type Section = NarrativeResponse['sections'][number];

interface Props {
  section: Section;
  canEdit: boolean;
  /** The text being edited, when it differs from what is saved. */
  edit: string | undefined;
  saving: boolean;
  onEdit: (text: string | undefined) => void;
  onSave: (text: string) => void;
  onReset: () => void;
}

/** Who last changed the section and how, in one line. */
function lastChange(section: Section): string {
  const last = section.history[0];
  if (!last) return 'Dự thảo tự động từ số liệu các báo cáo đã tiếp nhận; chưa ai sửa.';
  const who = last.savedBy?.name ?? 'Không rõ người sửa';
  const what = last.reset ? 'khôi phục dự thảo' : 'lưu';
  return `Phiên bản ${last.version}: ${who} ${what} lúc ${formatDateTime(last.savedAt)}.`;
}

/** One narrative section: its text (the saved one, else the draft) in a text area, with save and reset. */
export function NarrativeSectionEditor({ section, canEdit, edit, saving, onEdit, onSave, onReset }: Props) {
  const shown = section.text ?? section.draft;
  const value = edit ?? shown;
  const dirty = edit !== undefined && edit !== shown;
  const id = `narrative-${section.key}`;
  return (
    <section aria-labelledby={`${id}-title`} style={{ marginBottom: 24 }}>
      <Flex align="center" gap={8} wrap="wrap" style={{ marginBottom: 4 }}>
        <Typography.Title level={5} id={`${id}-title`} style={{ margin: 0 }}>
          {section.title}
        </Typography.Title>
        {section.text === null ? (
          <Tag color="blue">Dự thảo từ dữ liệu</Tag>
        ) : (
          <Tag color="green" icon={<EditOutlined />}>
            Đã sửa
          </Tag>
        )}
        {dirty && <Tag color="orange">Chưa lưu</Tag>}
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {lastChange(section)}
      </Typography.Text>
      <Input.TextArea
        id={id}
        aria-label={section.title}
        value={value}
        readOnly={!canEdit}
        autoSize={{ minRows: 4, maxRows: 18 }}
        onChange={(e) => onEdit(e.target.value === shown ? undefined : e.target.value)}
      />
      {canEdit && (
        <Flex gap={8} wrap="wrap" style={{ marginTop: 8 }}>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty || value.trim() === ''}
            loading={saving}
            onClick={() => onSave(value)}
          >
            Lưu
          </Button>
          <Button disabled={!dirty} onClick={() => onEdit(undefined)}>
            Bỏ thay đổi
          </Button>
          <Popconfirm
            title="Khôi phục dự thảo từ dữ liệu?"
            description="Nội dung đã sửa của phần này được thay bằng dự thảo tổng hợp từ các báo cáo (vẫn lưu trong lịch sử)."
            okText="Khôi phục"
            cancelText="Hủy"
            disabled={section.text === null && !dirty}
            onConfirm={() => (section.text === null ? onEdit(undefined) : onReset())}
          >
            <Button icon={<RollbackOutlined />} disabled={section.text === null && !dirty}>
              Khôi phục dự thảo
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </section>
  );
}

import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { SaveIndicator } from './SaveIndicator';
import type { ReportEditor } from './useReportEditor';

interface Props {
  editor: ReportEditor;
  canSubmit: boolean;
  submitting: boolean;
  onSubmit: () => void;
}

/** Stays in view while scrolling a long report: save state, "Lưu nháp" and "Gửi báo cáo". */
export function ReportEditToolbar({ editor, canSubmit, submitting, onSubmit }: Props) {
  return (
    <Card
      size="small"
      className="no-print"
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 10,
        marginBottom: 16,
        boxShadow: '0 2px 8px rgba(0,0,0,0.06)',
      }}
    >
      <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
        <SaveIndicator status={editor.status} savedAt={editor.savedAt} error={editor.saveError} />
        <Flex gap={8} wrap="wrap">
          <Button
            icon={<SaveOutlined />}
            onClick={() => void editor.saveNow()}
            loading={editor.status === 'saving'}
            disabled={editor.status === 'conflict'}
          >
            Lưu nháp
          </Button>
          {canSubmit && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={onSubmit}
              loading={submitting}
              disabled={editor.status === 'conflict'}
            >
              Gửi báo cáo
            </Button>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}

import { App, Button, Flex, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { errorMessageOf } from '../../api/ApiError';
import { useReviewValue } from '../../api/indicators';

/** Accept or reject (with a reason) a value an agency entered. */
export function ReviewValueActions({ value }: { value: { id: number } }) {
  const review = useReviewValue();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');

  const decide = (decision: 'accept' | 'reject') =>
    review.mutateAsync(
      { valueId: value.id, decision, note: decision === 'reject' ? reason.trim() : null },
      {
        onSuccess: () =>
          message.success(decision === 'accept' ? 'Đã tiếp nhận số liệu.' : 'Đã trả lại số liệu.'),
        onError: (error) => message.error(errorMessageOf(error)),
      },
    );

  return (
    <Flex gap={4} wrap="wrap">
      <Button size="small" type="primary" loading={review.isPending} onClick={() => void decide('accept')}>
        Tiếp nhận
      </Button>
      <Popconfirm
        title="Không tiếp nhận số liệu này?"
        description={
          <Input.TextArea
            aria-label="Lý do không tiếp nhận"
            placeholder="Lý do (bắt buộc)"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        }
        okText="Không tiếp nhận"
        cancelText="Hủy"
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        onConfirm={() => decide('reject').catch(() => undefined)}
      >
        <Button size="small" danger>
          Không tiếp nhận
        </Button>
      </Popconfirm>
    </Flex>
  );
}

import { GlobalOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { errorMessageOf } from '../../api/ApiError';
import { usePublication, useSetPublication } from '../../api/publication';
import { formatDateTime } from '../../lib/dates';

/**
 * The plan's public page: whether it is up, its link to copy, and for the consolidating agency's
 * coordinator (or an administrator) the button that puts it up or takes it down, after a confirmation
 * saying what the public will see.
 */
export function PlanPublication({ planId }: { planId: number }) {
  const state = usePublication(planId);
  const change = useSetPublication(planId);
  const { message } = App.useApp();
  if (!state.data) return null;
  const s = state.data;
  if (!s.published && !s.canChange) return null;
  const link = `${window.location.origin}${s.publicPath}`;
  const run = (publish: boolean) =>
    change.mutate(publish, {
      onSuccess: () => void message.success(publish ? 'Đã công khai kế hoạch.' : 'Đã gỡ công khai kế hoạch.'),
      onError: (e) => void message.error(errorMessageOf(e)),
    });
  return (
    <Flex
      className="no-print"
      gap={8}
      align="center"
      wrap="wrap"
      style={{ marginTop: 8 }}
      data-testid="plan-publication"
    >
      <Tag icon={<GlobalOutlined />} color={s.published ? 'green' : 'default'}>
        {s.published ? 'Đang công khai' : 'Chưa công khai'}
      </Tag>
      {s.published && (
        <>
          <Typography.Text copyable={{ text: link, tooltips: ['Sao chép đường dẫn', 'Đã sao chép'] }}>
            <a href={s.publicPath} target="_blank" rel="noreferrer">
              {link}
            </a>
          </Typography.Text>
          {s.publishedAt && (
            <Typography.Text type="secondary">
              từ {formatDateTime(s.publishedAt)}
              {s.publishedBy ? ` (${s.publishedBy})` : ''}
            </Typography.Text>
          )}
        </>
      )}
      {s.canChange &&
        (s.published ? (
          <Popconfirm
            title="Gỡ công khai kế hoạch?"
            description="Người không đăng nhập sẽ không xem được trang công khai nữa."
            okText="Gỡ công khai"
            cancelText="Hủy"
            onConfirm={() => run(false)}
          >
            <Button danger loading={change.isPending}>
              Gỡ công khai
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm
            title="Công khai kế hoạch?"
            description="Ai có đường dẫn cũng xem được chỉ tiêu, đánh giá và số nhiệm vụ theo tình trạng (không có thông tin cá nhân, nội dung báo cáo)."
            okText="Công khai"
            cancelText="Hủy"
            onConfirm={() => run(true)}
            overlayStyle={{ maxWidth: 360 }}
          >
            <Button icon={<GlobalOutlined />} loading={change.isPending}>
              Công khai
            </Button>
          </Popconfirm>
        ))}
    </Flex>
  );
}

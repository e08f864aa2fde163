import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { PlanSummary } from '../../../../shared/contracts/plans';
import { usePlanList } from '../../api/plans';
import { useCan } from '../../auth/SessionContext';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { usePageTitle } from '../../lib/usePageTitle';
import { HandMadeDraftsCard } from './HandMadeDraftsCard';
import { NewPlanButton } from './NewPlanButton';
import { planColumns } from './planColumns';

/** Plans per page; the server sends one page at a time (GET /api/plans?page=…). */
const PAGE_SIZE = 20;

export function PlansPage() {
  usePageTitle('Kế hoạch');
  const canImport = useCan('plans.import');
  const canCreate = useCan('plans.create');
  const navigate = useNavigate();
  // The search sits in the address so a filtered list can be bookmarked or sent to a colleague.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const list = usePlanList({ q, page, pageSize: PAGE_SIZE });
  const goTo = (next: number) => {
    const out: Record<string, string> = q ? { q } : {};
    if (next > 1) out.trang = String(next);
    setParams(out);
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap="wrap" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Kế hoạch
        </Typography.Title>
        <Flex gap={8} wrap="wrap">
          {canCreate && <NewPlanButton />}
          {canImport && (
            <Link to="/ke-hoach/nhap">
              <Button type="primary" icon={<FileAddOutlined />}>
                Nhập kế hoạch từ văn bản
              </Button>
            </Link>
          )}
        </Flex>
      </Flex>
      <HandMadeDraftsCard enabled={canCreate} />
      <Card>
        <Input.Search
          placeholder="Tìm theo số hiệu, trích yếu, loại văn bản (gõ không dấu cũng được)"
          aria-label="Tìm kế hoạch"
          allowClear
          enterButton="Tìm"
          defaultValue={q}
          onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
          style={{ maxWidth: 480, marginBottom: 16 }}
        />
        {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <ResponsiveTable<PlanSummary>
          aria-label="Danh sách kế hoạch"
          rowKey="id"
          columns={planColumns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 960 }}
          onRow={(p) => ({ onClick: () => navigate(`/ke-hoach/${p.id}`), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: list.isError
              ? 'Chưa tải được dữ liệu'
              : q
                ? 'Không có kế hoạch phù hợp'
                : 'Chưa có kế hoạch nào được nhập',
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => `Tổng số ${total} kế hoạch`,
            onChange: goTo,
          }}
        />
      </Card>
    </>
  );
}

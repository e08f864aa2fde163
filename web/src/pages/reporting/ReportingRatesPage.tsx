import { Card, Flex, Table, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { usePlanList } from '../../api/plans';
import { type PlanRates, usePlanRates } from '../../api/reporting';
import { AgencyAsToggle } from '../../components/AgencyAsToggle';
import { AgencyNames } from '../../components/AgencyNames';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDate } from '../../lib/dates';
import { idParam } from '../../lib/routeParams';
import { usePageTitle } from '../../lib/usePageTitle';
import { PeriodRatesCard } from './PeriodRatesCard';
import { PlanSelect } from './PlanSelect';
import { rateColumns } from './rateColumns';

type PeriodRow = PlanRates['periods'][number];
type AgencyRow = PlanRates['agencies'][number];

/** Reporting rate, on-time rate and acceptance rate (as in DHIS2), by period and by agency. */
export function ReportingRatesPage() {
  usePageTitle('Tỷ lệ báo cáo');
  const [params, setParams] = useSearchParams();
  // The newest plan is the default choice; the select searches the others on the server.
  const plans = usePlanList({ page: 1, pageSize: 1 });
  // Without a plan in the address, the first plan: most provinces follow one or two plans at a time.
  const planId = idParam(params.get('ke-hoach') ?? undefined) ?? plans.data?.items[0]?.id;
  // "theo=luc-giao": agencies as the plan named them; otherwise as they are now (issue 14).
  const agencyAs = params.get('theo') === 'luc-giao' ? 'plan' : 'now';
  const rates = usePlanRates(planId, agencyAs);
  const periodId = idParam(params.get('ky') ?? undefined) ?? rates.data?.periods[0]?.period.id;

  const choose = (next: { planId?: number; periodId?: number; agencyAs?: 'plan' | 'now' }) => {
    const out: Record<string, string> = {};
    if (next.planId) out['ke-hoach'] = String(next.planId);
    if (next.periodId) out.ky = String(next.periodId);
    if ((next.agencyAs ?? agencyAs) === 'plan') out.theo = 'luc-giao';
    setParams(out, { replace: true });
  };

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Tỷ lệ báo cáo
      </Typography.Title>
      <Flex gap={12} wrap="wrap" style={{ marginBottom: 16 }}>
        <PlanSelect
          aria-label="Kế hoạch"
          value={planId}
          onChange={(id) => choose({ planId: id })}
          style={{ width: 420, maxWidth: '100%' }}
        />
        <AgencyAsToggle
          value={agencyAs}
          onChange={(v) =>
            choose({ ...(planId ? { planId } : {}), ...(periodId ? { periodId } : {}), agencyAs: v })
          }
        />
      </Flex>
      {plans.isError && <QueryErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />}
      {rates.isError && <QueryErrorAlert error={rates.error} onRetry={() => void rates.refetch()} />}
      <Card title="Theo kỳ báo cáo" style={{ marginBottom: 16 }}>
        <Table<PeriodRow>
          rowKey={(r) => r.period.id}
          size="small"
          loading={rates.isFetching}
          dataSource={rates.data?.periods ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          rowSelection={{
            type: 'radio',
            columnTitle: 'Xem',
            selectedRowKeys: periodId ? [periodId] : [],
            onChange: (keys) => choose({ planId, periodId: Number(keys[0]) }),
          }}
          onRow={(r) => ({
            onClick: () => choose({ planId, periodId: r.period.id }),
            style: { cursor: 'pointer' },
          })}
          locale={{
            emptyText: planId === undefined ? 'Hãy chọn kế hoạch.' : 'Kế hoạch chưa có kỳ báo cáo nào.',
          }}
          columns={[
            {
              title: 'Kỳ báo cáo',
              key: 'period',
              render: (_, r) => (
                <Flex vertical>
                  <span>{r.period.title}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    Hạn nộp {formatDate(r.period.dueOn)}
                  </Typography.Text>
                </Flex>
              ),
            },
            ...rateColumns<PeriodRow>((r) => r.totals),
          ]}
        />
      </Card>
      <Tabs
        items={[
          {
            key: 'period',
            label: 'Từng cơ quan trong kỳ',
            children: periodId ? (
              <PeriodRatesCard periodId={periodId} agencyAs={agencyAs} />
            ) : (
              <Typography.Text type="secondary">Chọn một kỳ báo cáo ở bảng trên.</Typography.Text>
            ),
          },
          {
            key: 'plan',
            label: 'Từng cơ quan qua mọi kỳ',
            children: (
              <Card>
                <Table<AgencyRow>
                  rowKey={(a) => a.organisation.id}
                  size="small"
                  loading={rates.isFetching}
                  dataSource={rates.data?.agencies ?? []}
                  pagination={false}
                  scroll={{ x: 900 }}
                  locale={{ emptyText: 'Chưa có số liệu.' }}
                  columns={[
                    {
                      title: 'Cơ quan',
                      dataIndex: ['organisation', 'name'],
                      sorter: (a, b) => a.organisation.name.localeCompare(b.organisation.name, 'vi'),
                      render: (name: string, a) => (
                        <>
                          {name}
                          <AgencyNames formerName={a.formerName} currentName={a.currentName} />
                        </>
                      ),
                    },
                    ...rateColumns<AgencyRow>((a) => a.rate),
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
    </>
  );
}

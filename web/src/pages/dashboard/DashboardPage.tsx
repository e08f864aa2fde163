import { Card, ConfigProvider, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { sentenceCaseTitle } from '../../../../shared/domain/text/sentence-case';
import { useDashboard } from '../../api/dashboard';
import { useCurrentSession } from '../../auth/SessionContext';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { usePageTitle } from '../../lib/usePageTitle';
import { PrintHeader } from '../../print/PrintHeader';
import { BoardFilters } from './BoardFilters';
import { type BoardState, boardFromParams, boardToParams } from './boardParams';
import { PlanBoard } from './PlanBoard';
import { PlansTable } from './PlansTable';

/**
 * Colours a leader reads at a glance must meet WCAG's 4.5:1 on white: antd's default link blue
 * (#1677ff, 4.1:1) and placeholder grey (25% black) do not, so the dashboard uses antd's next blue and a
 * darker placeholder. (The same tokens in AppProviders would do it for every page.)
 */
const READABLE = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};

/**
 * The home page of leaders and coordinators: every plan in one table, then the chosen plan in depth
 * (the first plan until another is chosen). Choices live in the address.
 */
export function DashboardPage() {
  usePageTitle('Tổng quan');
  const { user } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const state = boardFromParams(params);
  const plans = useDashboard(state.year);
  const planId = state.planId ?? plans.data?.items[0]?.plan.id;
  const year = state.year ?? plans.data?.year ?? new Date().getFullYear();
  const choose = (next: BoardState) => setParams(boardToParams(next), { replace: true });
  const chosen = plans.data?.items.find((p) => p.plan.id === planId)?.plan;

  return (
    <ConfigProvider theme={READABLE}>
      <div data-testid="dashboard">
        <PrintHeader what={`Tổng quan tình hình thực hiện các kế hoạch năm ${year}`} />
        <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4 }} className="no-print">
          Tổng quan
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.7)' }} className="no-print">
          Xin chào, {user.fullName} ({user.organisationName}). Tình hình thực hiện các kế hoạch năm {year}.
          Bấm vào một con số để xem các nhiệm vụ đó.
        </Typography.Paragraph>
        {plans.isError && <QueryErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />}
        <Card size="small" title="Các kế hoạch" style={{ marginBottom: 16 }}>
          <PlansTable
            rows={plans.data?.items ?? []}
            year={plans.data?.year}
            loading={plans.isFetching}
            selectedId={planId}
            onSelect={(id) => choose({ year: state.year, planId: id })}
          />
        </Card>
        <Typography.Title level={3} style={{ marginTop: 8 }}>
          {chosen ? `Kế hoạch ${chosen.number ?? ''}` : 'Kế hoạch'}
        </Typography.Title>
        {chosen && (
          <Typography.Paragraph style={{ marginTop: -8 }} ellipsis={{ rows: 2, tooltip: chosen.title }}>
            {sentenceCaseTitle(chosen.title)}
          </Typography.Paragraph>
        )}
        <BoardFilters state={state} planId={planId} year={year} onChange={choose} />
        {planId === undefined ? (
          plans.data && <Typography.Paragraph>Chưa có kế hoạch nào để theo dõi.</Typography.Paragraph>
        ) : (
          <PlanBoard
            planId={planId}
            filter={{
              year: state.year,
              periodId: state.periodId,
              organisationId: state.organisationId,
              group: state.group,
              agencyAs: state.agencyAs,
            }}
          />
        )}
      </div>
    </ConfigProvider>
  );
}

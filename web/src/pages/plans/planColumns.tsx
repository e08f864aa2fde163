import { Link } from 'react-router-dom';
import { PLAN_KIND_LABELS } from '../../../../shared/contracts/plan-draft';
import type { PlanSummary } from '../../../../shared/contracts/plans';
import type { ResponsiveColumn } from '../../components/ResponsiveTable';
import { formatDate } from '../../lib/dates';
import { listTitle } from '../../lib/planLabels';

export const planColumns: ResponsiveColumn<PlanSummary>[] = [
  {
    title: 'Số hiệu',
    dataIndex: 'number',
    key: 'number',
    width: 140,
    render: (_: unknown, p: PlanSummary) => (
      <Link to={`/ke-hoach/${p.id}`}>{p.number ?? 'Chưa rõ số hiệu'}</Link>
    ),
  },
  {
    title: 'Loại văn bản',
    dataIndex: 'kind',
    key: 'kind',
    width: 170,
    phone: 'hide',
    render: (_: unknown, p: PlanSummary) => PLAN_KIND_LABELS[p.kind],
  },
  {
    title: 'Trích yếu',
    dataIndex: 'title',
    key: 'title',
    phone: 'title',
    // In sentence case: titles published in capitals shout in a list (the plan page keeps them as published).
    render: (_: unknown, p: PlanSummary) => listTitle(p),
  },
  {
    title: 'Ngày ban hành',
    dataIndex: 'issuedOn',
    key: 'issuedOn',
    width: 130,
    render: (_: unknown, p: PlanSummary) => formatDate(p.issuedOn),
  },
  { title: 'Cơ quan ban hành', dataIndex: 'issuer', key: 'issuer', width: 180, phone: 'hide' },
  { title: 'Số nhiệm vụ', dataIndex: 'taskCount', key: 'taskCount', width: 110, align: 'right' },
  {
    title: 'Số chỉ tiêu',
    dataIndex: 'targetCount',
    key: 'targetCount',
    width: 110,
    align: 'right',
    phone: 'hide',
  },
];

import { Button, Flex, Input, Radio, Select, Typography } from 'antd';
import { DEADLINE_KINDS, type DeadlineKind } from '../../../../shared/contracts/plan-draft';
import {
  TASK_STATUS_CODES,
  TASK_STATUS_LABELS,
  type TaskStatusCode,
} from '../../../../shared/domain/task-status';
import type { TaskFacets, TaskFilter } from '../../api/plans';
import { vietnamYear } from '../../lib/dates';
import { DEADLINE_KIND_LABELS } from '../../lib/planLabels';
import { matchesSearch } from '../../lib/text';

type AgencyRole = 'lead' | 'coordinator' | 'any';

interface Props {
  filter: TaskFilter;
  facets: TaskFacets | undefined;
  /** The year the server judged the statuses for (this year in Vietnam unless one was asked). */
  statusYear: number;
  onChange: (change: Partial<TaskFilter>) => void;
  onReset: () => void;
  canReset: boolean;
}

const KIND_OPTIONS = DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }));
/** The Government Office's categories, in the order of its report tables. */
const STATUS_OPTIONS = TASK_STATUS_CODES.map((c) => ({ value: c, label: TASK_STATUS_LABELS[c] }));

/** Years a status can be judged for: those the plan's deadlines cover, the year asked and this year. */
function statusYears(facetYears: number[], asked: number | undefined, thisYear: number): number[] {
  const years = new Set([...facetYears, thisYear]);
  if (asked !== undefined) years.add(asked);
  return [...years].sort((a, b) => a - b);
}

function searchable(input: string, option?: { label: string }): boolean {
  return option ? matchesSearch(option.label, input) : false;
}

/** Filters of the task list. Only values present in this plan are offered, so no choice ends in "no result". */
export function TaskFilters({ filter, facets, statusYear, onChange, onReset, canReset }: Props) {
  const agencyOptions = (facets?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }));
  const productOptions = (facets?.products ?? []).map((p) => ({ value: p, label: p }));
  const yearOptions = (facets?.years ?? []).map((y) => ({ value: y, label: `Năm ${y}` }));
  const groupOptions = (facets?.groups ?? []).map((g) => ({ value: g, label: g }));
  const thisYear = vietnamYear();
  const statusYearOptions = statusYears(facets?.years ?? [], filter.year, thisYear).map((y) => ({
    value: y,
    label: `Tình trạng năm ${y}`,
  }));

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap="wrap">
        <Input.Search
          // Remounted when the address changes (e.g. "Xóa bộ lọc"), so the box never shows a stale query.
          key={filter.q ?? ''}
          defaultValue={filter.q}
          placeholder="Tìm không cần dấu…"
          title="Tìm trong nội dung, cơ quan, sản phẩm; gõ có dấu hay không dấu đều được"
          aria-label="Tìm nhiệm vụ"
          allowClear
          enterButton="Tìm"
          onSearch={(q) => onChange({ q: q.trim() || undefined })}
          style={{ maxWidth: 340 }}
        />
        <Select<number, { value: number; label: string }>
          aria-label="Lọc theo cơ quan"
          placeholder="Tất cả cơ quan"
          allowClear
          showSearch={{ filterOption: searchable }}
          value={filter.organisationId}
          onChange={(organisationId) => onChange({ organisationId: organisationId ?? undefined })}
          options={agencyOptions}
          style={{ width: 300, maxWidth: '100%' }}
          popupMatchSelectWidth={false}
          notFoundContent="Không có cơ quan phù hợp"
        />
        <Select<TaskStatusCode>
          aria-label="Lọc theo tình trạng"
          placeholder="Mọi tình trạng"
          allowClear
          value={filter.status}
          onChange={(status) => onChange({ status: status ?? undefined })}
          options={STATUS_OPTIONS}
          style={{ width: 210 }}
        />
        <Select<number>
          aria-label="Năm đánh giá tình trạng"
          title="Nhiệm vụ hằng năm được đánh giá theo từng năm"
          value={filter.year ?? statusYear}
          onChange={(year) => onChange({ year: year === thisYear ? undefined : year })}
          options={statusYearOptions}
          style={{ width: 190 }}
        />
        <Radio.Group
          aria-label="Vai trò của cơ quan"
          optionType="button"
          disabled={filter.organisationId === undefined}
          value={filter.agencyRole ?? 'any'}
          onChange={(e) => {
            const role = e.target.value as AgencyRole;
            onChange({ agencyRole: role === 'any' ? undefined : role });
          }}
          options={[
            { value: 'lead', label: 'Chủ trì' },
            { value: 'coordinator', label: 'Phối hợp' },
            { value: 'any', label: 'Cả hai' },
          ]}
        />
        <Radio.Group
          aria-label="Cơ quan được sắp xếp lại tính theo"
          optionType="button"
          disabled={filter.organisationId === undefined}
          value={filter.agencyAs ?? 'now'}
          onChange={(e) => onChange({ agencyAs: e.target.value as 'now' | 'plan' })}
          options={[
            {
              value: 'now',
              label: 'Theo cơ quan hiện nay',
              title: 'Gồm nhiệm vụ của các cơ quan đã sáp nhập vào cơ quan này',
            },
            { value: 'plan', label: 'Như trong kế hoạch' },
          ]}
        />
      </Flex>
      <Flex gap={12} wrap="wrap">
        <Select<string, { value: string; label: string }>
          aria-label="Lọc theo sản phẩm"
          placeholder="Tất cả sản phẩm"
          allowClear
          showSearch={{ filterOption: searchable }}
          value={filter.product}
          onChange={(product) => onChange({ product: product ?? undefined })}
          options={productOptions}
          style={{ width: 220, maxWidth: '100%' }}
          popupMatchSelectWidth={false}
          notFoundContent="Không có sản phẩm phù hợp"
        />
        <Select<number>
          aria-label="Lọc theo năm đến hạn"
          placeholder="Hạn trong năm"
          allowClear
          value={filter.deadlineYear}
          onChange={(deadlineYear) => onChange({ deadlineYear: deadlineYear ?? undefined })}
          options={yearOptions}
          style={{ width: 140 }}
          notFoundContent="Không có năm nào"
        />
        <Select<DeadlineKind>
          aria-label="Lọc theo loại thời hạn"
          placeholder="Loại thời hạn"
          allowClear
          value={filter.deadlineKind}
          onChange={(deadlineKind) => onChange({ deadlineKind: deadlineKind ?? undefined })}
          options={KIND_OPTIONS}
          style={{ width: 180 }}
        />
        {groupOptions.length > 0 && (
          <Select<string, { value: string; label: string }>
            aria-label="Lọc theo nhóm nhiệm vụ"
            placeholder="Mọi nhóm nhiệm vụ"
            allowClear
            showSearch={{ filterOption: searchable }}
            value={filter.group}
            onChange={(group) => onChange({ group: group ?? undefined })}
            options={groupOptions}
            style={{ width: 300, maxWidth: '100%' }}
            popupMatchSelectWidth={false}
          />
        )}
        {canReset && <Button onClick={onReset}>Xóa bộ lọc</Button>}
      </Flex>
      {filter.organisationId !== undefined && (
        // Otherwise a row naming only "Các sở, ban, ngành" would look like a wrong match.
        <Typography.Text type="secondary">
          Kết quả gồm cả nhiệm vụ giao chung cho nhóm có cơ quan này, ví dụ “Các sở, ban, ngành”.
        </Typography.Text>
      )}
    </Flex>
  );
}

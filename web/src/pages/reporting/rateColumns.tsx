import type { ColumnsType } from 'antd/es/table';
import type { ReportingRate } from '../../../../shared/contracts/reporting';
import { RateCell } from './RateCell';

/** Nulls (nothing expected) sort below every real percentage. */
const byRate = (pick: (r: ReportingRate) => number | null) => (a: ReportingRate, b: ReportingRate) =>
  (pick(a) ?? -1) - (pick(b) ?? -1);

/** The three DHIS2-style measures, each sortable, for any row that carries a rate. */
export function rateColumns<T>(rateOf: (row: T) => ReportingRate): ColumnsType<T> {
  return [
    {
      title: 'Phải nộp',
      key: 'expected',
      width: 100,
      align: 'right',
      sorter: (a, b) => rateOf(a).expected - rateOf(b).expected,
      render: (_, row) => rateOf(row).expected,
    },
    {
      title: 'Đã gửi',
      key: 'submitted',
      width: 170,
      sorter: (a, b) => byRate((r) => r.submittedRate)(rateOf(a), rateOf(b)),
      render: (_, row) => {
        const r = rateOf(row);
        return <RateCell count={r.submitted} expected={r.expected} rate={r.submittedRate} />;
      },
    },
    {
      title: 'Gửi đúng hạn',
      key: 'onTime',
      width: 170,
      sorter: (a, b) => byRate((r) => r.onTimeRate)(rateOf(a), rateOf(b)),
      render: (_, row) => {
        const r = rateOf(row);
        return <RateCell count={r.submittedOnTime} expected={r.expected} rate={r.onTimeRate} />;
      },
    },
    {
      title: 'Đã tiếp nhận',
      key: 'accepted',
      width: 170,
      sorter: (a, b) => byRate((r) => r.acceptedRate)(rateOf(a), rateOf(b)),
      render: (_, row) => {
        const r = rateOf(row);
        return <RateCell count={r.accepted} expected={r.expected} rate={r.acceptedRate} />;
      },
    },
  ];
}

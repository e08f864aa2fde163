import { localDate } from '../../../shared/domain/reporting/local-date';
import { sentenceCaseTitle } from '../../../shared/domain/text/sentence-case';
import { formatDate } from '../lib/dates';

interface Props {
  /** The plan the page is about: "148/KH-UBND" and its title. */
  plan?: { number: string | null; title: string; issuer?: string | null } | undefined;
  /** What the page shows: "Danh sách nhiệm vụ", "Tổng quan tình hình thực hiện". */
  what: string;
  /** The filters applied, as a line of text (the filter controls are not printed). */
  filters?: string | undefined;
  /** A further line, e.g. that the printed list was cut at its limit. */
  note?: string | undefined;
}

/**
 * The block at the top of a printed page (hidden on screen, print.css): which plan, what the page shows,
 * which filters, and the day it was printed on Vietnam's calendar — a sheet on a desk must say all that.
 */
export function PrintHeader({ plan, what, filters, note }: Props) {
  return (
    <div className="print-only print-header" data-testid="print-header">
      {plan && (
        <div className="print-header-plan">
          Kế hoạch {plan.number ?? '(chưa rõ số hiệu)'}:{' '}
          {sentenceCaseTitle(plan.title, plan.issuer ? [plan.issuer] : [])}
        </div>
      )}
      <div className="print-header-what">{what}</div>
      {filters && <div className="print-header-filters">Bộ lọc: {filters}</div>}
      {note && <div className="print-header-filters">{note}</div>}
      <div className="print-header-date">In ngày {formatDate(localDate(new Date()))}</div>
    </div>
  );
}

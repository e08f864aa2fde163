/** Beside an agency counted as now or as named (issue 14): "(báo cáo của …)" or "(nay là …)". */
export function AgencyNames({
  formerName,
  currentName,
}: {
  formerName: string | null;
  currentName: string | null;
}) {
  if (!formerName && !currentName) return null;
  return (
    <div style={{ fontSize: 12 }}>
      {formerName ? `(báo cáo của ${formerName})` : `(nay là ${currentName})`}
    </div>
  );
}

import type { ReactNode } from 'react';

/**
 * What a form input holds, as text on paper only: print.css hides inputs, radio groups and pickers,
 * so a report printed while being edited shows each typed value here, under the field's label.
 */
export function PrintValue({ children, empty = 'Chưa nhập' }: { children: ReactNode; empty?: string }) {
  const blank = children === null || children === undefined || children === '' || children === false;
  return (
    <div className="print-only print-value" data-testid="print-value">
      {blank ? <span className="print-value-empty">{empty}</span> : children}
    </div>
  );
}

import { Flex, Input } from 'antd';
import { useState } from 'react';
import type { AgencyResolution } from '../../../../shared/contracts/plan-import';
import { ResolutionTag } from './ResolutionTag';
import { useReviewTools } from './ReviewContext';

interface Props {
  text: string;
  resolution: AgencyResolution | null;
  /** Called when the officer leaves the box after changing the name: time to propose a new link. */
  onChange: (text: string) => void;
}

/** The one agency that consolidates the reports: its name as written, and its registry link. */
export function ConsolidatorField({ text, resolution, onChange }: Props) {
  const { readOnly } = useReviewTools();
  const [typed, setTyped] = useState(text);
  return (
    <Flex vertical gap={6}>
      <Input
        aria-label="Đơn vị tổng hợp"
        value={typed}
        readOnly={readOnly}
        onChange={(e) => setTyped(e.target.value)}
        onBlur={() => typed !== text && onChange(typed)}
        onPressEnter={() => typed !== text && onChange(typed)}
      />
      {text.trim() && (
        <div>
          <ResolutionTag text={text} resolution={resolution} slot={{ kind: 'consolidator' }} />
        </div>
      )}
    </Flex>
  );
}

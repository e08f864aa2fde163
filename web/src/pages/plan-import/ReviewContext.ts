import { createContext, useContext } from 'react';
import type { AgencySlot } from './agencySlots';
import type { DraftUpdate } from './draftUpdates';

/** What every panel of the review needs, provided once by the workspace instead of threaded through props. */
export interface ReviewTools {
  readOnly: boolean;
  /** A plan entered by hand: no source text to compare with, tasks may be pasted from a spreadsheet. */
  handMade: boolean;
  update: (change: DraftUpdate) => void;
  /** Registry name of an agency id, or a placeholder while the registry loads. */
  nameOf: (organisationId: number) => string;
  /** Opens the agency link editor for one name of the draft. */
  editAgency: (slot: AgencySlot) => void;
  /** Scrolls the original text to a line, or finds a phrase in it. */
  showInSource: (target: { line: number } | { phrase: string }) => void;
}

export const ReviewContext = createContext<ReviewTools | null>(null);

export function useReviewTools(): ReviewTools {
  const tools = useContext(ReviewContext);
  if (!tools) throw new Error('useReviewTools được gọi ngoài trang kiểm tra bản nháp');
  return tools;
}

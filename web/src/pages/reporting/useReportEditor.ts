import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportDetail } from '../../../../shared/contracts/reporting';
import { ApiError, errorMessageOf } from '../../api/ApiError';
import { fetchReport, reportQueryKey, saveReport } from '../../api/reporting';
import { changesBetween, draftOf, type ReportDraft, type UnsavedText, unsavedTexts } from './reportDraft';

/** Long enough not to save on every keystroke, short enough that a closed laptop loses a sentence at most. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

export interface ReportConflict {
  message: string;
  /** What the user typed that the server does not have; shown so it can be copied into the fresh copy. */
  unsaved: UnsavedText[];
}

function taskLabelFor(report: ReportDetail): (entryId: number) => string {
  const ordinals = new Map([...report.lead, ...report.support].map((e) => [e.id, e.task.ordinal]));
  return (id) => `Nhiệm vụ ${ordinals.get(id) ?? id}`;
}

/**
 * The report form's working copy: the user's draft, what the server last confirmed (base) and the
 * optimistic-lock version. Edits save themselves after a pause; only changed fields are sent. A 409
 * stops saving and keeps the user's text until they have reloaded and copied what they need.
 */
export function useReportEditor(report: ReportDetail) {
  const queryClient = useQueryClient();
  const reportId = report.id;
  const editable = report.can.edit;
  const [draft, setDraftState] = useState<ReportDraft>(() => draftOf(report));
  const [base, setBaseState] = useState<ReportDraft>(draft);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ReportConflict | null>(null);
  const [kept, setKept] = useState<UnsavedText[]>([]);

  // Saves run outside React's render cycle and must see the newest values, hence the refs.
  const draftRef = useRef(draft);
  const baseRef = useRef(base);
  const versionRef = useRef(report.version);
  const conflictRef = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const setDraft = useCallback((next: ReportDraft) => {
    draftRef.current = next;
    setDraftState(next);
  }, []);
  const setBase = useCallback((next: ReportDraft) => {
    baseRef.current = next;
    setBaseState(next);
  }, []);

  const update = useCallback(
    (change: (d: ReportDraft) => ReportDraft) => setDraft(change(draftRef.current)),
    [setDraft],
  );

  /** Start again from the server's copy (after a reload, a submit or a review). */
  const resetTo = useCallback(
    (fresh: ReportDetail) => {
      versionRef.current = fresh.version;
      const d = draftOf(fresh);
      setBase(d);
      setDraft(d);
      queryClient.setQueryData(reportQueryKey(fresh.id), fresh);
    },
    [queryClient, setBase, setDraft],
  );

  // The report changed outside this form (submitted, returned, accepted here or a refetch): follow it,
  // unless the user has unsaved edits, in which case the next save meets the 409 and the conflict flow.
  useEffect(() => {
    if (report.version === versionRef.current) return;
    if (changesBetween(baseRef.current, draftRef.current)) return;
    versionRef.current = report.version;
    const d = draftOf(report);
    setBase(d);
    setDraft(d);
  }, [report, setBase, setDraft]);

  const runSave = useCallback(async (): Promise<boolean> => {
    const sending = draftRef.current;
    const changes = changesBetween(baseRef.current, sending);
    if (!changes) return true;
    setStatus('saving');
    try {
      const saved = await saveReport(reportId, { version: versionRef.current, ...changes });
      versionRef.current = saved.version;
      setBase(sending);
      queryClient.setQueryData(reportQueryKey(reportId), saved);
      setSavedAt(new Date());
      setSaveError(null);
      setStatus(changesBetween(sending, draftRef.current) ? 'pending' : 'saved');
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        conflictRef.current = true;
        const latest = queryClient.getQueryData<ReportDetail>(reportQueryKey(reportId)) ?? report;
        setConflict({
          message: error.message,
          unsaved: unsavedTexts(baseRef.current, draftRef.current, taskLabelFor(latest)),
        });
        setStatus('conflict');
      } else {
        setSaveError(errorMessageOf(error));
        setStatus('error');
      }
      return false;
    }
  }, [queryClient, report, reportId, setBase]);

  /** Saves now (the "Lưu nháp" button, before submitting); waits for a save already on its way. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    if (conflictRef.current) return false;
    const p = runSave();
    inFlight.current = p;
    try {
      return await p;
    } finally {
      inFlight.current = null;
    }
  }, [runSave]);

  const dirty = changesBetween(base, draft) !== null;

  // Keyed on the draft on purpose: every edit re-arms the timer, so the save happens after the user pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!editable || conflictRef.current || !dirty) return;
    setStatus((s) => (s === 'saving' ? s : 'pending'));
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, editable, dirty, saveNow]);

  /** After a conflict: fetch the newest copy, keep the user's lost text on screen for copying. */
  const reload = useCallback(async (): Promise<void> => {
    const fresh = await fetchReport(reportId);
    setKept(conflict?.unsaved ?? []);
    conflictRef.current = false;
    setConflict(null);
    setSaveError(null);
    setStatus('idle');
    resetTo(fresh);
  }, [conflict, reportId, resetTo]);

  return {
    draft,
    update,
    dirty,
    status,
    savedAt,
    saveError,
    saveNow,
    conflict,
    reload,
    kept,
    dismissKept: () => setKept([]),
    /** The version to send with submit; current after saveNow() resolved. */
    version: () => versionRef.current,
    resetTo,
  };
}

export type ReportEditor = ReturnType<typeof useReportEditor>;

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { REPORTING_KEY } from './reporting';
import { typedApi } from './typed';

const scansKey = (reportId: number) => [REPORTING_KEY, 'signed-scans', reportId];

/** The report's signed scans, newest (current) first, and whether the caller may upload one. */
export function useSignedScans(reportId: number) {
  return useQuery({
    queryKey: scansKey(reportId),
    queryFn: ({ signal }) =>
      typedApi.get('/api/reports/{id}/signed-scans', { path: { id: reportId }, signal }),
  });
}

export function useUploadSignedScan(reportId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return typedApi.post('/api/reports/{id}/signed-scans', { path: { id: reportId }, form });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: scansKey(reportId) }),
  });
}

/** The agency's report as a Word file in the format of Decree 30 (GET, the session cookie suffices). */
export const reportDocumentUrl = (reportId: number) => `/api/reports/${reportId}/document.docx`;
